package org.itera.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.repair.RepairPrompts;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;

/** The core objects the feedback stage works with, as beans. */
public class RepairBeans {

    @Produces
    @Singleton
    TeamCatalog catalog() {
        return TeamCatalog.standard();
    }

    @Produces
    @Singleton
    TeamRunner runner(TeamCatalog catalog) {
        return new TeamRunner(catalog);
    }

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
