package org.itera.quarkus;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;
import org.jboss.logging.Logger;

/**
 * The team catalogue, the settings over it and the one episode runner, as beans, for every
 * service. A team that its setting cannot run (a missing role, say) is reported at start-up; its
 * tasks are refused with the same reason.
 */
public class TeamBeans {

    private static final Logger LOG = Logger.getLogger(TeamBeans.class);

    @Produces
    @Singleton
    TeamCatalog catalog() {
        return TeamCatalog.standard();
    }

    @Produces
    @Singleton
    SettingRegistry settings(TeamCatalog catalog) {
        return SettingRegistry.standard(catalog);
    }

    @Produces
    @Singleton
    TeamRunner runner(SettingRegistry settings) {
        return new TeamRunner(settings);
    }

    void reportTeams(@Observes StartupEvent start, SettingRegistry settings) {
        settings.teamProblems().forEach(problem -> LOG.warnf("%s; its tasks will be refused", problem));
    }
}
