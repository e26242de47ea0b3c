package org.itera.core.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.event.TaskEvent;

/**
 * Resolves team files into teams: a variant ({@code "basedOn": "<subject>"}) takes its base's
 * roles, description, answer format and options (merged, the variant's winning) unless it gives
 * them, and keeps its own subject, so its agent ids ({@code <variant>-<role>}) are its own. A base
 * may itself be a variant; an unknown base, a base of another setting and a cycle are refused
 * with the chain that led to them.
 */
public final class TeamVariants {

    private final Map<String, TeamFile> files = new LinkedHashMap<>();
    private final Map<String, TeamDefinition> resolved = new LinkedHashMap<>();

    private TeamVariants(List<TeamFile> files) {
        for (TeamFile file : files) {
            if (this.files.putIfAbsent(key(settingOf(file), file.subject()), file) != null) {
                throw new IllegalStateException("team " + key(settingOf(file), file.subject()) + " is defined twice");
            }
        }
    }

    /** Every file as a team, in the order given. */
    public static List<TeamDefinition> resolve(List<TeamFile> files) {
        TeamVariants variants = new TeamVariants(files);
        List<TeamDefinition> teams = new ArrayList<>();
        for (TeamFile file : files) {
            teams.add(variants.resolve(key(settingOf(file), file.subject()), new LinkedHashSet<>()));
        }
        return teams;
    }

    private TeamDefinition resolve(String key, Set<String> chain) {
        TeamDefinition done = resolved.get(key);
        if (done != null) {
            return done;
        }
        if (!chain.add(key)) {
            throw new IllegalStateException("team " + key + " is based on itself: " + String.join(" -> ", chain)
                    + " -> " + key);
        }
        TeamFile file = files.get(key);
        TeamDefinition team = file.isVariant() ? inherit(file, base(file, chain)) : own(file);
        resolved.put(key, team);
        return team;
    }

    private TeamDefinition base(TeamFile variant, Set<String> chain) {
        String setting = settingOf(variant);
        String baseKey = key(setting, variant.basedOn().strip());
        if (!files.containsKey(baseKey)) {
            throw new IllegalStateException("team " + key(setting, variant.subject()) + " is based on '"
                    + variant.basedOn() + "', which is no " + setting + " team (a base must be listed in the same"
                    + " setting's index)");
        }
        return resolve(baseKey, chain);
    }

    private static TeamDefinition own(TeamFile file) {
        return new TeamDefinition(file.setting(), file.subject(), file.description(), file.answerFormat(),
                file.options(), file.roles());
    }

    private static TeamDefinition inherit(TeamFile variant, TeamDefinition base) {
        Map<String, Object> options = new LinkedHashMap<>(base.options());
        if (variant.options() != null) {
            options.putAll(variant.options());
        }
        return new TeamDefinition(base.setting(), variant.subject(),
                variant.description() == null ? base.description() : variant.description(),
                variant.answerFormat() == null ? base.answerFormat() : variant.answerFormat(), options,
                variant.roles() == null || variant.roles().isEmpty() ? base.roles() : variant.roles());
    }

    private static String settingOf(TeamFile file) {
        return file.setting() == null || file.setting().isBlank() ? TaskEvent.SETTING_PROBLEM_SOLVING
                : file.setting();
    }

    private static String key(String setting, String subject) {
        return setting + "/" + subject;
    }
}
