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
import org.itera.filter.store.TrajectoryLineage;
import org.itera.filter.store.TrajectoryStore;

/**
 * Read access to what the filter stored: library statistics, single trajectories and their repair
 * lineage. Trajectory ids contain {@code /}, {@code @} and {@code #}; clients URL-encode them.
 * {@code .../lineage} has more literal characters than the plain template, so JAX-RS routes it to
 * {@link #lineage} even though {@code {id: .+}} would match it too.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class LibraryResource {

    private final LibraryStats stats;
    private final TrajectoryStore store;
    private final TrajectoryLineage lineage;

    public LibraryResource(LibraryStats stats, TrajectoryStore store, TrajectoryLineage lineage) {
        this.stats = stats;
        this.store = store;
        this.lineage = lineage;
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
                .orElseGet(() -> notFound(id));
    }

    @GET
    @Path("trajectories/{id: .+}/lineage")
    public Response lineage(@PathParam("id") String id) {
        return lineage.of(id)
                .map(attempts -> Response.ok(attempts).build())
                .orElseGet(() -> notFound(id));
    }

    private static Response notFound(String id) {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(Map.of("error", "no trajectory with id " + id)).build();
    }
}
