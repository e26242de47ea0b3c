package org.itera.finetune.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.itera.core.team.TeamCatalog;
import org.itera.finetune.evaluation.EvaluationException;
import org.itera.finetune.evaluation.EvaluationRequest;
import org.itera.finetune.evaluation.Evaluator;
import org.itera.finetune.round.RoundRunner;
import org.itera.finetune.round.RoundRunningException;
import org.itera.finetune.round.RoundStart;
import org.itera.finetune.store.JobStore;
import org.itera.finetune.store.RoundStore;

/**
 * {@code POST /rounds} starts a round ({@link RoundRequest}: an optional run id, and optional
 * {@code subjects}: only the trainees serving those subjects' agents; without, every trainee but
 * those of teams trained from another team's library). 400 for a bad body (an unknown field or
 * subject), 409 while a round runs, or while one a stopped instance left running is resumed, 422
 * when no trainee of the round's scope has enough untrained examples (with their counts);
 * {@code GET /rounds}, {@code GET /rounds/{n}} (with its jobs);
 * {@code POST /rounds/{n}/evaluate} pushes the evaluation tasks of round n (0 = base models): those
 * of the JSON body ({@link EvaluationRequest}: setting, subject, rows or file, limit, run, timeout),
 * the configured ones for what it leaves out.
 */
@Path("/rounds")
@Produces(MediaType.APPLICATION_JSON)
public class RoundResource {

    private final RoundRunner runner;
    private final RoundStore rounds;
    private final JobStore jobs;
    private final Evaluator evaluator;
    private final TeamCatalog catalog;

    public RoundResource(RoundRunner runner, RoundStore rounds, JobStore jobs, Evaluator evaluator,
            TeamCatalog catalog) {
        this.runner = runner;
        this.rounds = rounds;
        this.jobs = jobs;
        this.evaluator = evaluator;
        this.catalog = catalog;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response start(String body) {
        RoundRequest request;
        try {
            request = RoundRequest.parse(body, catalog.subjects());
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
        try {
            RoundStart start = runner.start("api", request.run(), request.scope());
            if (start.round() == null) {
                return Response.status(422).entity(Map.of("error", nothingToTrain(request),
                        "untrained", start.untrained())).build();
            }
            return Response.ok(Map.of("round", start.round(), "agents", start.agents())).build();
        } catch (RoundRunningException e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    private static String nothingToTrain(RoundRequest request) {
        String who = request.subjects() == null ? "agent" : "agent of " + String.join(", ", request.subjects());
        return "no " + who + " has enough untrained examples";
    }

    @GET
    public List<Document> all() {
        return rounds.all();
    }

    @GET
    @Path("/{round}")
    public Response one(@PathParam("round") int round) {
        return rounds.find(round).map(doc -> {
            Map<String, Object> body = new LinkedHashMap<>(doc);
            body.put("jobs", jobs.ofRound(round));
            return Response.ok(body).build();
        }).orElse(Response.status(404).entity(Map.of("error", "no round " + round)).build());
    }

    @POST
    @Path("/{round}/evaluate")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response evaluate(@PathParam("round") int round, String body) {
        try {
            return Response.accepted(evaluator.start(round, EvaluationRequest.parse(body))).build();
        } catch (EvaluationException e) {
            return Response.status(e.status()).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
