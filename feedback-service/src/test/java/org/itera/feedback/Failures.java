package org.itera.feedback;

import java.time.Instant;
import java.util.List;
import org.itera.core.event.Grade;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;

/** Failed PubMedQA trajectories, built with the real team prompts, for the feedback tests. */
public final class Failures {

    public static final String ANALYST_SAID = "The abstract shows no effect on blood pressure.";
    public static final String SOLVER_SAID = "Nothing supports it.\nAnswer: no";

    private Failures() {
    }

    public static GradedTrajectoryEvent pubmedqa(String taskId, String question, int attempt) {
        return of("pubmedqa", taskId, question, attempt);
    }

    /** A failed trajectory of a PubMedQA team or variant ({@code pubmedqa-star}, ...), its roles all wrong. */
    public static GradedTrajectoryEvent of(String subject, String taskId, String question, int attempt) {
        TaskEvent task = new TaskEvent(taskId, "problem-solving", subject, question,
                List.of("yes", "no", "maybe"), "RESULTS: Systolic pressure fell by 8 mmHg (p<0.01).", "yes", "train", 0);
        List<Turn> turns = new TeamRunner(TeamCatalog.standard()).run(task, (agent, role, messages) ->
                new Turn(role, "gpt-4o-mini", messages,
                        role.equals("analyst") ? ANALYST_SAID : SOLVER_SAID,
                        new TokenUsage(200, 30), 500));
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        TrajectoryEvent trajectory = new TrajectoryEvent(TrajectoryEvent.idFor(task, attempt), task,
                attempt == 0 ? "generated" : "regenerated", null, null, attempt, turns, at, at.plusSeconds(3));
        return new GradedTrajectoryEvent(trajectory, new Grade("no", "yes", false, "expected yes, read no"));
    }
}
