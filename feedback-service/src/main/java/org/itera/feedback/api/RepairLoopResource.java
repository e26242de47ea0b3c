package org.itera.feedback.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.itera.feedback.messaging.RepairLoop;

/**
 * The repair loop's switch: {@code POST /repairs/pause} stops taking new failures (repairs in
 * flight finish; nothing is lost or redone), {@code POST /repairs/resume} takes them again, and
 * {@code GET /repairs} says which it is. Pausing twice, or resuming a running loop, changes nothing.
 */
@Path("/repairs")
@Produces(MediaType.APPLICATION_JSON)
public class RepairLoopResource {

    /** The loop's state as the API reports it. */
    public record State(boolean paused) {
    }

    private final RepairLoop loop;

    public RepairLoopResource(RepairLoop loop) {
        this.loop = loop;
    }

    @GET
    public State state() {
        return new State(loop.paused());
    }

    @POST
    @Path("pause")
    public State pause() {
        loop.pause();
        return state();
    }

    @POST
    @Path("resume")
    public State resume() {
        loop.resume();
        return state();
    }
}
