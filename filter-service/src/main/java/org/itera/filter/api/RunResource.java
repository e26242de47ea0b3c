package org.itera.filter.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itera.core.run.RunIds;
import org.itera.filter.repairs.RepairLoopClient;
import org.itera.filter.store.RunReport;

/**
 * {@code GET /runs/{id}}: where a run stands, answered from the store (see {@link RunReport}), with
 * the repair loop's state as feedback-service reports it ({@code repairLoop.paused}, or
 * {@code repairLoop.reachable: false}). A malformed run id is a 400.
 */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RunResource {

    private final RunReport report;
    private final RepairLoopClient repairLoop;

    public RunResource(RunReport report, RepairLoopClient repairLoop) {
        this.report = report;
        this.repairLoop = repairLoop;
    }

    @GET
    @Path("{id}")
    public Response run(@PathParam("id") String id) {
        return RunIds.problem(id)
                .map(problem -> Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", problem)).build())
                .orElseGet(() -> {
                    Map<String, Object> body = new LinkedHashMap<>(report.of(id));
                    body.put("repairLoop", repairLoop.state());
                    return Response.ok(body).build();
                });
    }
}
