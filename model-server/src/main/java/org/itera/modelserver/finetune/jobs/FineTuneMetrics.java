package org.itera.modelserver.finetune.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code itera_finetune_jobs{status}}: jobs in each status now; {@code itera_finetune_trained_tokens_total}:
 * tokens trained by jobs that succeeded since the start.
 */
@ApplicationScoped
public class FineTuneMetrics {

    private final Counter trainedTokens;

    public FineTuneMetrics(MeterRegistry registry, JobStore jobs) {
        for (String status : JobStatus.ALL) {
            Gauge.builder("itera.finetune.jobs", jobs, store -> store.count(status))
                    .tag("status", status)
                    .description("fine-tuning jobs by status")
                    .register(registry);
        }
        this.trainedTokens = Counter.builder("itera.finetune.trained.tokens")
                .description("tokens trained by succeeded fine-tuning jobs")
                .register(registry);
    }

    void trained(long tokens) {
        trainedTokens.increment(tokens);
    }
}
