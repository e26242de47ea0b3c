package org.itera.finetune.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;

/** Pushes evaluation tasks onto {@code tasks}, keyed by task id, and waits for the broker. */
@ApplicationScoped
public class TaskPublisher {

    private final MutinyEmitter<Record<String, String>> tasks;

    public TaskPublisher(@Channel("evaluation-tasks") MutinyEmitter<Record<String, String>> tasks) {
        this.tasks = tasks;
    }

    public void publish(TaskEvent task) {
        try {
            tasks.sendAndAwait(Record.of(task.id(), Json.mapper().writeValueAsString(task)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
