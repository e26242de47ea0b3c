package org.itera.generator.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.llm.ModelSelector;
import org.jboss.logging.Logger;

/**
 * {@code model-updates} from finetune-service: the agent's next call uses the new model, without a
 * restart. The channel replays the topic from the start with a group of this instance's own, so
 * a (re)started generator ends with the latest model of each agent (messages are keyed by agent,
 * hence in order per agent). An unusable message lands on {@code model-updates-dlq}.
 */
@ApplicationScoped
public class ModelUpdateConsumer {

    private static final Logger LOG = Logger.getLogger(ModelUpdateConsumer.class);

    private final ModelSelector selector;

    public ModelUpdateConsumer(ModelSelector selector) {
        this.selector = selector;
    }

    @Incoming("model-updates")
    public void consume(String payload) {
        ModelUpdateEvent update = parse(payload);
        String previous = selector.settingsFor(update.agent()).model();
        selector.use(update.agent(), update.model());
        LOG.infof("agent %s now uses %s (was %s; round %d, job %s)", update.agent(), update.model(), previous,
                update.round(), update.jobId());
    }

    private static ModelUpdateEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty model update");
        }
        ModelUpdateEvent update;
        try {
            update = Json.mapper().readValue(payload, ModelUpdateEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON model update: " + e.getOriginalMessage());
        }
        if (update.agent() == null || update.agent().isBlank() || update.model() == null || update.model().isBlank()) {
            throw new IllegalArgumentException("model update without an agent or a model");
        }
        return update;
    }
}
