package org.itera.filter.config;

import io.smallrye.config.ConfigMapping;

/**
 * The repair budget, decided here and nowhere else: a failed trajectory of attempt {@code n}
 * (0 = generated, n = n-th repair) goes to {@code failures} only while {@code n < maxAttempts}.
 */
@ConfigMapping(prefix = "itera.repair")
public interface RepairConfig {

    /** How many repairs a task gets at most ({@code ITERA_REPAIR_MAX_ATTEMPTS}). */
    int maxAttempts();
}
