package org.itera.filter.repairs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** feedback-service's {@code GET /repairs} ({@code quarkus.rest-client.feedback.url}). */
@RegisterRestClient(configKey = "feedback")
@Path("/repairs")
public interface RepairLoopApi {

    /** The repair loop's state as feedback-service reports it. */
    record State(boolean paused) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    State state();
}
