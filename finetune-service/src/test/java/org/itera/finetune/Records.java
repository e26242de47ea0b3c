package org.itera.finetune;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.json.Json;

/** FinetuneRecords as filter-service emits them (key = trajectory id). */
final class Records {

    static final List<String> ROLES = List.of("physicist", "mathematician", "synthesizer");

    private Records() {
    }

    static FinetuneRecord of(String trajectoryId, String role, int i) {
        return of("physics", trajectoryId, role, i);
    }

    static FinetuneRecord of(String subject, String trajectoryId, String role, int i) {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("You are the team's " + role + "."),
                ChatMessage.user("Problem " + i + " (" + trajectoryId + "): a ball rolls " + (3 * i)
                        + " m in 3 s. What is its speed in m/s?"),
                ChatMessage.assistant("Speed is distance over time: " + (3 * i) + " / 3 = " + i + " m/s.\nAnswer: " + i));
        return new FinetuneRecord(FinetuneRecord.idFor(trajectoryId, role), subject + "-" + role, subject, role,
                messages, trajectoryId, "generated", 0);
    }

    /** One agent's records of trajectories {@code <prefix><i>@r0#0}, i = 1..count, for {@code topic}. */
    static List<ProducerRecord<String, String>> agent(String topic, String subject, String role, String prefix, int count)
            throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String trajectoryId = prefix + i + "@r0#0";
            records.add(new ProducerRecord<>(topic, trajectoryId,
                    Json.mapper().writeValueAsString(of(subject, trajectoryId, role, i))));
        }
        return records;
    }

    /** Every role's record of {@code count} physics trajectories, interleaved as the filter emits them. */
    static List<ProducerRecord<String, String>> physics(String prefix, int count) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String trajectoryId = prefix + i + "@r0#0";
            for (String role : ROLES) {
                records.add(new ProducerRecord<>("finetune-records", trajectoryId,
                        Json.mapper().writeValueAsString(of(trajectoryId, role, i))));
            }
        }
        return records;
    }
}
