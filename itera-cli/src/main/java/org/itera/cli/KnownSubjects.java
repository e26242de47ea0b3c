package org.itera.cli;

import java.util.Set;
import org.itera.core.team.TeamCatalog;

/** The subjects a task may name: those Itera has a team for. */
final class KnownSubjects {

    private KnownSubjects() {
    }

    static Set<String> all() {
        return TeamCatalog.standard().subjects();
    }
}
