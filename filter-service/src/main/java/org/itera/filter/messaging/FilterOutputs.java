package org.itera.filter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.json.Json;

/**
 * The filter's outgoing topics. Each call returns once the broker acknowledged what it sent, so
 * the incoming trajectory is acknowledged only after everything it produced was written; the
 * records of one call are sent together and acknowledged in any order.
 */
@ApplicationScoped
public class FilterOutputs {

    private final MutinyEmitter<Record<String, String>> finetuneRecords;
    private final MutinyEmitter<Record<String, String>> failures;

    public FilterOutputs(@Channel("finetune-records") MutinyEmitter<Record<String, String>> finetuneRecords,
            @Channel("failures") MutinyEmitter<Record<String, String>> failures) {
        this.finetuneRecords = finetuneRecords;
        this.failures = failures;
    }

    public void finetuneRecords(List<FinetuneRecord> examples) {
        if (examples.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = examples.stream()
                .map(example -> finetuneRecords.send(Record.of(example.trajectoryId(), json(example))))
                .toList();
        Uni.join().all(sends).andCollectFailures().await().indefinitely();
    }

    public void failure(GradedTrajectoryEvent failed) {
        failures.sendAndAwait(Record.of(failed.trajectory().task().id(), json(failed)));
    }

    private static String json(Object event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON", e);
        }
    }
}
