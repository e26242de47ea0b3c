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
        // the repair budget is filter-service's alone: it sends a failure only while its task has one
        return RepairPolicy.unbounded(RepairPolicy.Order.parse(config.policy()));
    }
}
