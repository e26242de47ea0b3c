package org.itera.finetune.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.itera.finetune.store.ModelRegistry;

/** {@code GET /models}: each agent's current fine-tuned model, and every model registered. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelRegistry registry;

    public ModelResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Map<String, Object> models() {
        return Map.of("current", registry.current(), "history", registry.history());
    }
}
