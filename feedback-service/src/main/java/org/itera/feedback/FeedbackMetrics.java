package org.itera.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Prometheus meters of the repair stage: repairs made, skipped as duplicates or out of budget, failed. */
@ApplicationScoped
public class FeedbackMetrics {

    private final MeterRegistry registry;

    public FeedbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void repaired(String subject, String role) {
        registry.counter("itera.repairs.made", "subject", subject, "role", role).increment();
    }

    public void skipped(String reason) {
        registry.counter("itera.repairs.skipped", "reason", reason).increment();
    }

    public void failed(String subject) {
        registry.counter("itera.repairs.failed", "subject", subject).increment();
    }
}
