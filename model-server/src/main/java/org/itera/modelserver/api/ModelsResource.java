package org.itera.modelserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.itera.modelserver.llama.ModelCatalog;
import org.itera.modelserver.llama.ServedModel;

import java.util.List;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's shape. Fine-tuned models also
 * name the model they were trained from ({@code parent}) and the base model of the chain ({@code root}).
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelEntry(String id, String object, long created, String owned_by, String parent, String root) {
        static ModelEntry of(ServedModel model) {
            return new ModelEntry(model.id(), "model", model.created(), "itera", model.parent(), model.root());
        }
    }

    record ModelList(String object, List<ModelEntry> data) {
    }

    private final ModelCatalog catalog;

    public ModelsResource(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public ModelList list() {
        return new ModelList("list", catalog.served().stream().map(ModelEntry::of).toList());
    }

    @GET
    @Path("/{id}")
    public ModelEntry one(@PathParam("id") String id) {
        return catalog.describe(id).map(ModelEntry::of).orElseThrow(() -> ApiException.unknownModel(id));
    }
}
