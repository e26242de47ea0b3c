package org.itera.finetune.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.itera.finetune.dataset.Example;
import org.itera.finetune.dataset.TrainingFile;
import org.itera.finetune.store.ExampleStore;
import org.itera.finetune.training.TrainingPlan;

/**
 * {@code GET /datasets/{agent}.jsonl}: every example the agent's model is trained on (its own, or
 * those its team's {@code training} option names) in OpenAI's chat fine-tuning format.
 */
@Path("/datasets")
public class DatasetResource {

    private final ExampleStore examples;
    private final TrainingPlan plan;

    public DatasetResource(ExampleStore examples, TrainingPlan plan) {
        this.examples = examples;
        this.plan = plan;
    }

    @GET
    @Path("/{agent}.jsonl")
    public Response dataset(@PathParam("agent") String agent) {
        List<Example> set = examples.examples(plan.of(agent), false);
        if (set.isEmpty()) {
            return Response.status(404).type("application/json")
                    .entity("{\"error\":\"no examples for this agent\"}").build();
        }
        String body = set.stream().map(e -> TrainingFile.line(e.messages()) + "\n").collect(Collectors.joining());
        return Response.ok(body, "application/jsonl")
                .header("Content-Disposition", "attachment; filename=\"" + agent.replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".jsonl\"").build();
    }
}
