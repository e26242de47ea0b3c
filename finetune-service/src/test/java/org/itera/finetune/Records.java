package org.itera.finetune;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.json.Json;

/** FinetuneRecords of the physics team as filter-service emits them (key = trajectory id). */
final class Records {

    static final List<String> ROLES = List.of("physicist", "mathematician", "synthesizer");

    private Records() {
    }

    static FinetuneRecord of(String trajectoryId, String role, int i) {
        List<ChatMessage> messages = List.of(
                ChatMessage.system("You are the team's " + role + "."),
                ChatMessage.user("Problem " + i + ": a ball rolls " + (3 * i) + " m in 3 s. What is its speed in m/s?"),
                ChatMessage.assistant("Speed is distance over time: " + (3 * i) + " / 3 = " + i + " m/s.\nAnswer: " + i));
        return new FinetuneRecord(FinetuneRecord.idFor(trajectoryId, role), "physics-" + role, "physics", role,
                messages, trajectoryId, "generated", 0);
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
