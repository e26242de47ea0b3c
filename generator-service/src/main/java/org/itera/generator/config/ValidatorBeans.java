package org.itera.generator.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.itera.core.task.TaskValidator;
import org.itera.core.team.TeamCatalog;

/** The task validator, checking subjects against the team catalogue. */
public class ValidatorBeans {

    @Produces
    @Singleton
    TaskValidator validator(TeamCatalog catalog) {
        return new TaskValidator(catalog.subjects());
    }
}
