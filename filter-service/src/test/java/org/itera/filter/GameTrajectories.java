package org.itera.filter;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.Episode;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;

/** Game trajectories played by the real competitive setting on scripted replies. */
final class GameTrajectories {

    private static final SettingRegistry SETTINGS = SettingRegistry.standard(TeamCatalog.standard());
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private GameTrajectories() {
    }

    static TrajectoryEvent played(String taskId, String game, String... replies) {
        TaskEvent task = TaskEvent.ofGame(taskId, "competitive", game, 7L, java.util.Map.of("format", "tagged"), "train", 0)
                .withDefaults();
        Deque<String> script = new ArrayDeque<>(List.of(replies));
        Episode episode = SETTINGS.get("competitive").start(task);
        TeamRunner.drive(episode, (agent, role, messages) -> new Turn(role, "smollm2-135m", messages, script.pop(),
                new TokenUsage(120, 30), 40));
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, TrajectoryEvent.ORIGIN_GENERATED, null, null, 0,
                episode.turns(), NOW, NOW.plusSeconds(2), null, episode.game().orElseThrow());
    }

    static String line(String message, String move) {
        return message + "\n" + move;
    }

    static String tagged(String message, String action, String proposal) {
        return "<thinking>private</thinking><message>" + message + "</message><action>" + action + "</action>"
                + (proposal == null ? "" : "<proposal>" + proposal + "</proposal>");
    }
}
