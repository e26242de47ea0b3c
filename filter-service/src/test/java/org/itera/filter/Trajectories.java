package org.itera.filter;

import java.time.Instant;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TokenUsage;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;

/** Builds PubMedQA trajectories for the filter's tests. */
final class Trajectories {

    private Trajectories() {
    }

    static TrajectoryEvent pubmedqa(String taskId, String split, String expected, String finalAnswer) {
        TaskEvent task = new TaskEvent(taskId, "problem-solving", "pubmedqa", "Does exercise lower blood pressure?",
                List.of("yes", "no", "maybe"), "RESULTS: Systolic pressure fell by 8 mmHg.", expected, split, 0);
        Turn analyst = new Turn("analyst", "gpt-4o-mini",
                List.of(ChatMessage.system("You are a context analyst."), ChatMessage.user("Question: Does exercise...")),
                "The trial shows a significant fall in systolic pressure.", new TokenUsage(210, 40), 812);
        Turn solver = new Turn("solver", "gpt-4o-mini",
                List.of(ChatMessage.system("You answer biomedical research questions."), ChatMessage.user("Decide.")),
                "The evidence supports the claim.\nAnswer: " + finalAnswer, new TokenUsage(260, 22), 640);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task, "generated", null, null, 0,
                List.of(analyst, solver), now, now.plusSeconds(2));
    }
}
