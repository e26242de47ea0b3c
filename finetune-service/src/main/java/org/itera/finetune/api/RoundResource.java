package org.itera.finetune.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.itera.core.json.Json;
import org.itera.core.run.RunIds;
import org.itera.finetune.evaluation.EvaluationException;
import org.itera.finetune.evaluation.EvaluationRequest;
import org.itera.finetune.evaluation.Evaluator;
import org.itera.finetune.round.RoundRunner;
import org.itera.finetune.round.RoundRunningException;
import org.itera.finetune.round.RoundStart;
import org.itera.finetune.store.JobStore;
import org.itera.finetune.store.RoundStore;

/**
 * {@code POST /rounds} starts a round (409 while one runs, or while one a stopped instance left
 * running is resumed; 422 when no agent has enough untrained examples); {@code GET /rounds},
 * {@code GET /rounds/{n}} (with its jobs);
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

    public RoundResource(RoundRunner runner, RoundStore rounds, JobStore jobs, Evaluator evaluator) {
        this.runner = runner;
        this.rounds = rounds;
        this.jobs = jobs;
        this.evaluator = evaluator;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response start(String body) {
        String run;
        try {
            run = runOf(body);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
        try {
            RoundStart start = runner.start("api", run);
            if (start.round() == null) {
                return Response.status(422).entity(Map.of("error", "no agent has enough untrained examples",
                        "untrained", start.untrained())).build();
            }
            return Response.ok(Map.of("round", start.round(), "agents", start.agents())).build();
        } catch (RoundRunningException e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    /** The optional {@code run} of a {@code POST /rounds} body ({@code {"run": "<id>"}}); null without one. */
    private static String runOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: {\"run\": \"<id>\"} or nothing");
        }
        String run = node.path("run").isTextual() ? node.path("run").asText() : null;
        RunIds.problem(run).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return run;
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
