package org.itera.filter;

import java.util.ArrayList;
import java.util.List;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;

/**
 * Turns a successful trajectory into the library's examples: one per role, each the chat that role
 * was given followed by its own answer as the assistant turn it should learn.
 */
public final class ExperienceBuilder {

    private ExperienceBuilder() {
    }

    public static List<FinetuneRecord> examplesOf(TrajectoryEvent trajectory) {
        List<FinetuneRecord> examples = new ArrayList<>();
        String subject = trajectory.task().subject();
        for (Turn turn : trajectory.turns()) {
            List<ChatMessage> messages = new ArrayList<>(turn.messages());
            messages.add(ChatMessage.assistant(turn.output()));
            examples.add(new FinetuneRecord(FinetuneRecord.idFor(trajectory.id(), turn.role()),
                    subject + "-" + turn.role(), subject, turn.role(), List.copyOf(messages),
                    trajectory.id(), trajectory.origin(), trajectory.task().roundOrZero()));
        }
        return examples;
    }
}
