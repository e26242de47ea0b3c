package org.itera.filter.config;

import io.smallrye.config.ConfigMapping;

/**
 * The repair budget, shared with feedback-service: a failed trajectory of attempt {@code n}
 * (0 = generated, n = n-th repair) may be repaired again only while {@code n < maxAttempts}.
 */
@ConfigMapping(prefix = "itera.repair")
public interface RepairConfig {

    /** How many repairs a task gets at most ({@code ITERA_REPAIR_MAX_ATTEMPTS}). */
    int maxAttempts();
}
