package org.itera.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;

/** Actor-critic arithmetic trajectories (answer 7) with the turns each judge label comes from. */
final class ActorCriticTrajectories {

    static final String RIGHT = "3 + 4 = 7\nAnswer: 7";
    static final String WRONG = "3 + 4 = 8\nAnswer: 8";
    static final String REPHRASED = "Adding 4 to 3 gives 7.\nAnswer: 7";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private ActorCriticTrajectories() {
    }

    static TaskEvent task(String id) {
        return new TaskEvent(id, "actor-critic", "arithmetic", "Tom has 3 apples and buys 4 more. How many?", null,
                null, "7", "train", 0);
    }

    /** The actor answers {@code first}; the judge says {@code verdict}; on a reject the critic, regenerate and rephrase follow. */
    static TrajectoryEvent episode(String taskId, String first, String verdict, String rephrased) {
        TaskEvent task = task(taskId);
        List<Turn> turns = new ArrayList<>();
        List<ChatMessage> solve = List.of(ChatMessage.system("You solve arithmetic word problems."),
                ChatMessage.user("Problem:\n" + task.question()));
        turns.add(turn("actor", "solve", solve, first));
        turns.add(turn("judge", "judge", List.of(ChatMessage.system("You check answers to arithmetic word problems."),
                ChatMessage.user("### Proposed solution\n" + first)), verdict));
        if (rephrased != null) {
            turns.add(turn("critic", "critique", List.of(ChatMessage.system("You help someone."),
                    ChatMessage.user("### Proposed solution\n" + first)), "Check the sum again."));
            turns.add(turn("actor", "regenerate", List.of(ChatMessage.user("A reviewer doubted your answer")), rephrased));
            turns.add(turn("actor", "rephrase", List.of(ChatMessage.user("Rewrite the draft")), rephrased));
        }
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, "generated", null, null, 0, turns,
                NOW, NOW.plusSeconds(3));
    }

    private static Turn turn(String role, String step, List<ChatMessage> messages, String output) {
        return new Turn(role, "gpt-4o-mini", messages, output, new TokenUsage(100, 20), 300, step);
    }
}
