package org.itera.filter.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.itera.filter.store.LibraryStats;
import org.itera.filter.store.TrajectoryStore;

/** Read access to what the filter stored: library statistics and single trajectories. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LibraryResource {

    private final LibraryStats stats;
    private final TrajectoryStore store;

    public LibraryResource(LibraryStats stats, TrajectoryStore store) {
        this.stats = stats;
        this.store = store;
    }

    @GET
    @Path("library/stats")
    public Map<String, Object> stats() {
        return stats.compute();
    }

    @GET
    @Path("trajectories/{id: .+}")
    public Response trajectory(@PathParam("id") String id) {
        return store.trajectory(id)
                .map(doc -> Response.ok(doc.toJson()).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Map.of("error", "no trajectory with id " + id)).build());
    }
}
