package org.itera.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * The repair loop: which roles to repair, and the models of its steps. How many repairs a task gets
 * is not here: filter-service decides it (ITERA_REPAIR_MAX_ATTEMPTS) and sends only the failures
 * that still have a repair left.
 */
@ConfigMapping(prefix = "itera.repair")
public interface RepairConfig {

    /** {@code non-final-in-order}, {@code all-in-order} or {@code final-only}. */
    @WithDefault("non-final-in-order")
    String policy();

    /** The critic's model for every agent without one of its own; else the agent's model. */
    Optional<String> criticModel();

    Map<String, AgentModels> agents();

    /** Per agent ({@code <subject>-<role>}): the models of the three repair steps. */
    interface AgentModels {
        Optional<String> criticModel();

        Optional<String> regenerateModel();

        Optional<String> rephraseModel();
    }
}
