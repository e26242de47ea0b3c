package org.itera.llm;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;

/** The team catalogue and runner, as beans, for every service that runs agents. */
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
}
