package org.itera.core.setting.actorcritic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.ScriptedCaller;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamDefinition;
import org.itera.core.team.TeamRunner;

/** Actor-critic episodes of one arithmetic task (answer 7), run on scripted replies. */
final class Episodes {

    static final TaskEvent TASK = new TaskEvent("arithmetic/ac-1", ActorCriticSetting.NAME, "arithmetic",
            "Tom has 3 apples and buys 4 more. How many apples does he have?", null, null, "7", "train", 0);

    static final String RIGHT = "3 + 4 = 7\nAnswer: 7";
    static final String WRONG = "3 + 4 = 8\nAnswer: 8";
    static final String ACCEPT = "I added 3 and 4 myself.\nVerdict: accept";
    static final String REJECT = "3 + 4 is not 8.\nVerdict: reject";
    static final String UNREADABLE = "Looks plausible to me, I suppose.";
    static final String FEEDBACK = "Check the addition of 3 and 4 again.";

    static final ActorCriticSetting SETTING = new ActorCriticSetting(TeamCatalog.standard());

    private Episodes() {
    }

    static TrajectoryEvent run(String... replies) {
        return run(SETTING, replies);
    }

    static TrajectoryEvent run(ActorCriticSetting setting, String... replies) {
        ScriptedCaller caller = new ScriptedCaller(replies);
        List<Turn> turns = TeamRunner.drive(setting.start(TASK), caller);
        if (caller.left() > 0) {
            throw new IllegalStateException(caller.left() + " scripted replies were not asked for");
        }
        return trajectory(turns, TrajectoryEvent.ORIGIN_GENERATED, 0);
    }

    static TrajectoryEvent trajectory(List<Turn> turns, String origin, int attempt) {
        return new TrajectoryEvent(TrajectoryEvent.idFor(TASK, attempt), TASK, origin, null, null, attempt, turns,
                Instant.now(), Instant.now());
    }

    /** The standard arithmetic actor-critic setting with some team options changed. */
    static ActorCriticSetting withOptions(Map<String, Object> options) {
        TeamCatalog standard = TeamCatalog.standard();
        TeamDefinition team = standard.team(ActorCriticSetting.NAME, "arithmetic");
        Map<String, Object> merged = new LinkedHashMap<>(team.options());
        merged.putAll(options);
        TeamDefinition changed = new TeamDefinition(team.setting(), team.subject(), team.description(),
                team.answerFormat(), merged, team.roles());
        return new ActorCriticSetting(TeamCatalog.of(List.of(changed), standard.prompts()));
    }
}
