package org.itera.generator.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.core.task.TaskValidator;
import org.itera.generator.GeneratorMetrics;

/**
 * {@code POST /tasks}: a JSON array or JSON Lines of tasks. All are checked first; if any is
 * invalid the answer is 400 naming each bad item and nothing is submitted. Otherwise every task
 * is written to the {@code tasks} topic (and acknowledged by the broker) before the 202.
 */
@Path("/tasks")
public class TaskResource {

    private final TaskValidator validator;
    private final GeneratorMetrics metrics;
    private final MutinyEmitter<Record<String, String>> submissions;

    public TaskResource(TaskValidator validator, GeneratorMetrics metrics,
            @Channel("task-submissions") MutinyEmitter<Record<String, String>> submissions) {
        this.validator = validator;
        this.metrics = metrics;
        this.submissions = submissions;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(String body) throws Exception {
        TaskBatch batch;
        try {
            batch = TaskBatch.read(body, validator);
        } catch (IllegalArgumentException e) {
            metrics.rejected("rest");
            return badRequest(e.getMessage(), List.of());
        }
        if (!batch.problems().isEmpty()) {
            batch.problems().forEach(p -> metrics.rejected("rest"));
            return badRequest(batch.problems().size() + " of " + (batch.tasks().size() + batch.problems().size())
                    + " tasks are invalid; nothing was submitted", batch.problems());
        }
        for (TaskEvent task : batch.tasks()) {
            submissions.sendAndAwait(Record.of(task.id(), Json.mapper().writeValueAsString(task)));
        }
        List<String> ids = batch.tasks().stream().map(TaskEvent::id).toList();
        return Response.accepted(Map.of("submitted", ids.size(), "ids", ids)).build();
    }

    private static Response badRequest(String error, List<TaskBatch.Problem> problems) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Map.of("error", error, "invalid", problems)).build();
    }
}
