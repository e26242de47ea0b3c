package org.itera.core.setting.competitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;

/** Fixtures of the competitive tests: the built-in games, their specs, tasks and replies. */
final class Games {

    static final TeamCatalog CATALOG = TeamCatalog.standard();
    static final CompetitiveSetting SETTING = new CompetitiveSetting(CATALOG);

    private Games() {
    }

    static TeamDefinition team(String game) {
        return CATALOG.team(CompetitiveSetting.NAME, game);
    }

    static GameSpec spec(String game) {
        return spec(game, null);
    }

    static GameSpec spec(String game, Map<String, Object> overrides) {
        List<String> reasons = new ArrayList<>();
        GameSpec spec = GameSpecReader.read(team(game), overrides, reasons);
        if (spec == null) {
            throw new IllegalArgumentException(String.join("; ", reasons));
        }
        return spec;
    }

    static GameRules rules(String game) {
        return GameRules.find(spec(game).rules()).orElseThrow();
    }

    static GameState state(String game) {
        return new GameState(spec(game), rules(game));
    }

    static MoveParser parser(String game) {
        return new MoveParser(spec(game), rules(game));
    }

    static MoveParser parser(String game, ReplyFormat format) {
        GameSpec spec = spec(game, Map.of("format", format.id()));
        return new MoveParser(spec, GameRules.find(spec.rules()).orElseThrow());
    }

    /** A move read in the line format, e.g. {@code OFFER 40}. */
    static Move move(String game, String role, String line) {
        return parser(game, ReplyFormat.LINE).parse("Here is my move.\n" + line, role);
    }

    /** A game task in the tagged format (the tests' replies are tagged unless they say otherwise). */
    static TaskEvent task(String id, String game, long seed) {
        return task(id, game, seed, Map.of());
    }

    /** A game task with these overrides, in the tagged format unless they name another. */
    static TaskEvent task(String id, String game, long seed, Map<String, Object> overrides) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("format", "tagged"));
        all.putAll(overrides);
        return TaskEvent.ofGame(id, CompetitiveSetting.NAME, game, seed, all, TaskEvent.SPLIT_TRAIN, 0).withDefaults();
    }

    /** A reply in the tagged format. */
    static String tagged(String message, String action, String proposal) {
        return "<thinking>my plan, private</thinking>\n<message>" + message + "</message>\n<action>" + action
                + "</action>" + (proposal == null ? "" : "\n<proposal>" + proposal + "</proposal>");
    }
}
