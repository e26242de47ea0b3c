package org.itera.filter;

import java.time.Instant;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.Repair;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;

/** Builds PubMedQA trajectories, generated and repaired, for the filter's tests. */
public final class Trajectories {

    static final List<ChatMessage> ANALYST_MESSAGES = List.of(
            ChatMessage.system("You are a context analyst."), ChatMessage.user("Question: Does exercise..."));
    static final String REPHRASED_ANALYSIS = "The randomised trial shows systolic pressure fell by 8 mmHg with exercise.";
    static final String FEEDBACK = "The analysis missed that the fall was significant; the expected answer is yes.";

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private Trajectories() {
    }

    public static TrajectoryEvent pubmedqa(String taskId, String split, String expected, String finalAnswer) {
        return pubmedqa(taskId, 0, split, expected, finalAnswer);
    }

    public static TrajectoryEvent pubmedqa(String taskId, int round, String split, String expected, String finalAnswer) {
        TaskEvent task = new TaskEvent(taskId, "problem-solving", "pubmedqa", "Does exercise lower blood pressure?",
                List.of("yes", "no", "maybe"), "RESULTS: Systolic pressure fell by 8 mmHg.", expected, split, round);
        Turn analyst = new Turn("analyst", "gpt-4o-mini", ANALYST_MESSAGES,
                "The trial shows a significant fall in systolic pressure.", new TokenUsage(210, 40), 812);
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, "generated", null, null, 0,
                List.of(analyst, solver(finalAnswer)), NOW, NOW.plusSeconds(2));
    }

    /**
     * The next repair of {@code parent}: its analyst was given feedback, regenerated and rephrased;
     * the analyst turn keeps the ORIGINAL messages with the rephrased answer, and the solver re-ran.
     */
    public static TrajectoryEvent regenerated(TrajectoryEvent parent, String finalAnswer) {
        int attempt = parent.attempt() + 1;
        Turn original = parent.turns().get(0);
        Turn analyst = new Turn("analyst", "gpt-4o-mini", original.messages(), REPHRASED_ANALYSIS,
                new TokenUsage(230, 35), 700);
        Repair repair = Repair.critique(FEEDBACK, "critic-model", "gpt-4o-mini", "rephrase-model",
                original.output(), "Given the feedback, the significant fall means the answer is yes.");
        return new TrajectoryEvent(TrajectoryEvent.idFor(parent.task(), attempt), parent.task(), "regenerated",
                parent.id(), "analyst", attempt, List.of(analyst, solver(finalAnswer)),
                NOW.plusSeconds(60L * attempt), NOW.plusSeconds(60L * attempt + 2), repair);
    }

    private static Turn solver(String finalAnswer) {
        return new Turn("solver", "gpt-4o-mini",
                List.of(ChatMessage.system("You answer biomedical research questions."), ChatMessage.user("Decide.")),
                "The evidence supports the claim.\nAnswer: " + finalAnswer, new TokenUsage(260, 22), 640);
    }
}
