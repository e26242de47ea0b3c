package org.itera.generator.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.itera.core.task.TaskValidator;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;

/** The core objects the generator works with, as beans. */
public class TeamBeans {

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
    TaskValidator validator(TeamCatalog catalog) {
        return new TaskValidator(catalog.subjects());
    }
}
