package org.itera.modelserver.finetune.jobs;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.finetune.store.DataDir;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Jobs with their events, in memory and in {@code jobs/<id>.json} (the job and its events in one
 * file, rewritten atomically on every change). Every change goes through one lock, so a status
 * transition and the events that tell about it are seen together.
 */
@ApplicationScoped
public class JobStore {

    /** Runs after the model catalog and the file store (default priority) have started. */
    public static final int STARTUP_PRIORITY = jakarta.interceptor.Interceptor.Priority.APPLICATION + 600;
    private static final Logger LOG = Logger.getLogger(JobStore.class);

    /** The file format: the job and its events, oldest event first. */
    public record Stored(Job job, List<JobEvent> events) {
    }

    private final DataDir data;
    private final Map<String, Stored> jobs = new LinkedHashMap<>();

    public JobStore(DataDir data) {
        this.data = data;
    }

    synchronized void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        List<Stored> loaded = new ArrayList<>();
        for (Path file : DataDir.list(data.jobs(), ".json")) {
            try {
                Stored stored = data.readJson(file, Stored.class);
                loaded.add(new Stored(stored.job(), new ArrayList<>(stored.events())));
            } catch (IOException e) {
                LOG.errorf("cannot read job file %s: %s", file, e.getMessage());
            }
        }
        loaded.sort(Comparator.comparingLong(s -> s.job().createdMillis()));
        loaded.forEach(s -> jobs.put(s.job().id(), s));
        LOG.infof("%d fine-tuning jobs in %s", jobs.size(), data.jobs());
    }

    public synchronized void add(Job job, JobEvent... events) {
        Stored stored = new Stored(job, new ArrayList<>(List.of(events)));
        jobs.put(job.id(), stored);
        persist(stored);
    }

    public synchronized Optional<Job> find(String id) {
        Stored stored = jobs.get(id);
        return stored == null ? Optional.empty() : Optional.of(stored.job());
    }

    /** Every job, newest first. */
    public synchronized List<Job> all() {
        List<Job> all = new ArrayList<>(jobs.values().stream().map(Stored::job).toList());
        Collections.reverse(all);
        return all;
    }

    /** Every job, oldest first. */
    public synchronized List<Job> oldestFirst() {
        return new ArrayList<>(jobs.values().stream().map(Stored::job).toList());
    }

    /** The events of a job, newest first. */
    public synchronized List<JobEvent> events(String id) {
        Stored stored = jobs.get(id);
        if (stored == null) {
            return List.of();
        }
        List<JobEvent> events = new ArrayList<>(stored.events());
        Collections.reverse(events);
        return events;
    }

    /**
     * Changes the job if its status is one of {@code from} and records {@code events}; empty when
     * the job is unknown or in another status (then nothing changes).
     */
    public synchronized Optional<Job> transition(String id, Set<String> from, UnaryOperator<Job> change,
                                                 JobEvent... events) {
        Stored stored = jobs.get(id);
        if (stored == null || !from.contains(stored.job().status())) {
            return Optional.empty();
        }
        Stored next = new Stored(change.apply(stored.job()), stored.events());
        next.events().addAll(List.of(events));
        jobs.put(id, next);
        persist(next);
        return Optional.of(next.job());
    }

    /** Fails a job that is not finished yet; false if it already was. */
    public boolean fail(String id, JobError error) {
        return transition(id, Set.of(JobStatus.VALIDATING_FILES, JobStatus.QUEUED, JobStatus.RUNNING),
                job -> job.failed(error, org.itera.modelserver.finetune.store.Ids.now()),
                JobEvent.error("The job failed: " + error.message())).isPresent();
    }

    /** Records an event of a job that is still in status {@code status}. */
    public synchronized void event(String id, String status, JobEvent event) {
        transition(id, Set.of(status), job -> job, event);
    }

    public synchronized long count(String status) {
        return jobs.values().stream().filter(s -> s.job().status().equals(status)).count();
    }

    private void persist(Stored stored) {
        data.writeJson(data.jobs().resolve(stored.job().id() + ".json"), stored);
    }
}
