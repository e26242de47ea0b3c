package org.itera.finetune.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.itera.finetune.config.FinetuneConfig;
import org.itera.finetune.openai.client.FineTuningJob;
import org.itera.finetune.openai.client.OpenAiApiException;
import org.itera.finetune.openai.client.OpenAiFineTuningClient;
import org.itera.finetune.store.JobStore;
import org.jboss.logging.Logger;

/**
 * Follows a job with exponential backoff until it succeeded, failed or was cancelled (or the
 * poll timeout passed: status {@code timeout}), recording its status and then its events.
 */
@ApplicationScoped
public class JobFollower {

    private static final Logger LOG = Logger.getLogger(JobFollower.class);

    private final OpenAiFineTuningClient client;
    private final JobStore jobs;
    private final FinetuneConfig.Poll poll;

    public JobFollower(OpenAiFineTuningClient client, JobStore jobs, FinetuneConfig config) {
        this.client = client;
        this.jobs = jobs;
        this.poll = config.poll();
    }

    public FineTuningJob follow(String agent, int round, FineTuningJob job) throws InterruptedException {
        Instant deadline = Instant.now().plus(poll.timeout());
        Duration wait = poll.initial();
        FineTuningJob current = job;
        while (!current.finished()) {
            if (Instant.now().isAfter(deadline)) {
                current = new FineTuningJob(job.id(), "timeout", job.model(), null, job.trainingFile(), "timeout",
                        "still " + current.status() + " after " + poll.timeout(), null);
                break;
            }
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(poll.max()) > 0 ? poll.max() : wait.multipliedBy(2);
            try {
                FineTuningJob read = client.job(job.id());
                if (!read.status().equals(current.status())) {
                    LOG.infof("fine-tuning job %s of %s (round %d): %s", job.id(), agent, round, read.status());
                    jobs.update(agent, round, Updates.set("status", read.status()));
                }
                current = read;
            } catch (OpenAiApiException e) {
                if (!e.retryable()) {
                    throw e;
                }
                LOG.warnf("reading job %s failed, will retry: %s", job.id(), e.getMessage());
            }
        }
        recordEvents(agent, round, job.id());
        return current;
    }

    private void recordEvents(String agent, int round, String jobId) {
        try {
            List<Document> events = new ArrayList<>();
            for (JsonNode event : client.events(jobId)) {
                events.add(Document.parse(event.toString()));
            }
            jobs.update(agent, round, Updates.set("events", events));
        } catch (RuntimeException e) {
            LOG.warnf("events of job %s not recorded: %s", jobId, client.redact(String.valueOf(e.getMessage())));
        }
    }
}
