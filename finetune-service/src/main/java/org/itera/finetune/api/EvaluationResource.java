package org.itera.finetune.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bson.Document;
import org.itera.finetune.evaluation.EvaluationStore;

/** {@code GET /evaluations}: accuracy (with its 95% interval) and models by round. */
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationStore store;

    public EvaluationResource(EvaluationStore store) {
        this.store = store;
    }

    @GET
    public List<Document> evaluations() {
        return store.all();
    }
}
