package org.itera.cli;

import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamCatalog;

/** The settings and subjects a task may name: those Itera has a team for. */
public final class KnownSettings {

    private static volatile SettingRegistry standard;

    private KnownSettings() {
    }

    public static SettingRegistry standard() {
        if (standard == null) {
            standard = SettingRegistry.standard(TeamCatalog.standard());
        }
        return standard;
    }
}
