package org.itera.modelserver.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.itera.modelserver.llama.LoadedModel;
import org.itera.modelserver.llama.ModelCatalog;

import java.util.List;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's shape. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    record ModelEntry(String id, String object, long created, String owned_by) {
        static ModelEntry of(LoadedModel model) {
            return new ModelEntry(model.id(), "model", model.created(), "itera");
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
        return new ModelList("list", catalog.all().stream().map(ModelEntry::of).toList());
    }

    @GET
    @Path("/{id}")
    public ModelEntry one(@PathParam("id") String id) {
        return catalog.find(id).map(ModelEntry::of).orElseThrow(() -> ApiException.unknownModel(id));
    }
}
