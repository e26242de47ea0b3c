package org.itera.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.repair.RepairPrompts;
import org.itera.core.team.TeamCatalog;

/** The repair policy and prompts, as beans (the team catalogue and runner come from itera-llm). */
public class RepairBeans {

    @Produces
    @Singleton
    RepairPrompts prompts(TeamCatalog catalog) {
        return new RepairPrompts(catalog.prompts());
    }

    @Produces
    @Singleton
    RepairPolicy policy(RepairConfig config) {
        return new RepairPolicy(RepairPolicy.Order.parse(config.policy()), config.maxAttempts());
    }
}
