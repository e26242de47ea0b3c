package org.itera.finetune.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;

/** Announces a registered model on {@code model-updates}, keyed by agent, and waits for the broker. */
@ApplicationScoped
public class ModelUpdatePublisher {

    private final MutinyEmitter<Record<String, String>> updates;

    public ModelUpdatePublisher(@Channel("model-updates") MutinyEmitter<Record<String, String>> updates) {
        this.updates = updates;
    }

    public void publish(ModelUpdateEvent update) {
        try {
            updates.sendAndAwait(Record.of(update.agent(), Json.mapper().writeValueAsString(update)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
