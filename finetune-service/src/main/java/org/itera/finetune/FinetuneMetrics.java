package org.itera.finetune;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of examples received and of fine-tuning jobs by outcome. */
@ApplicationScoped
public class FinetuneMetrics {

    private final MeterRegistry registry;

    public FinetuneMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void example(String agent, boolean added) {
        registry.counter("itera_finetune_examples", "agent", agent, "outcome", added ? "added" : "duplicate").increment();
    }

    /** {@code status}: succeeded, failed, cancelled, skipped, timeout or error. */
    public void job(String agent, String status) {
        registry.counter("itera_finetune_jobs", "agent", agent, "status", status).increment();
    }
}
