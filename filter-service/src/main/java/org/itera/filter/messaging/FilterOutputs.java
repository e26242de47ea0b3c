package org.itera.filter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.json.Json;

/**
 * The filter's outgoing topics. Each call returns once the broker acknowledged what it sent, so
 * the incoming trajectories are acknowledged only after everything they produced was written; the
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

    /** Sends the finetune records and failures of a batch together; returns once the broker acknowledged all. */
    public void send(List<FinetuneRecord> examples, List<GradedTrajectoryEvent> failed) {
        List<Uni<Void>> sends = new ArrayList<>(examples.size() + failed.size());
        examples.forEach(example -> sends.add(finetuneRecords.send(Record.of(example.trajectoryId(), json(example)))));
        failed.forEach(failure -> sends.add(failures.send(Record.of(failure.trajectory().task().id(), json(failure)))));
        if (!sends.isEmpty()) {
            Uni.join().all(sends).andCollectFailures().await().indefinitely();
        }
    }

    private static String json(Object event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON", e);
        }
    }
}
