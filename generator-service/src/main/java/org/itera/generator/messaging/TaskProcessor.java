package org.itera.generator.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.task.InvalidTaskException;
import org.itera.core.task.TaskValidator;
import org.itera.generator.GeneratorMetrics;
import org.itera.generator.TrajectoryGenerator;
import org.itera.llm.ShutdownWatch;
import org.jboss.logging.Logger;

/**
 * {@code tasks} to {@code trajectories}. A task is acknowledged only once its trajectory is
 * written; an invalid task, or one whose LLM calls fail for good, is nacked and lands on
 * {@code tasks-dlq} with the reason in its {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class TaskProcessor {

    private static final Logger LOG = Logger.getLogger(TaskProcessor.class);

    private final TaskValidator validator;
    private final TrajectoryGenerator generator;
    private final GeneratorMetrics metrics;
    private final ShutdownWatch shutdown;

    public TaskProcessor(TaskValidator validator, TrajectoryGenerator generator, GeneratorMetrics metrics,
            ShutdownWatch shutdown) {
        this.shutdown = shutdown;
        this.validator = validator;
        this.generator = generator;
        this.metrics = metrics;
    }

    @Incoming("tasks")
    @Outgoing("trajectories")
    @Blocking(value = "team-runs", ordered = false)
    public Message<Record<String, String>> process(Message<String> message) {
        try {
            return message.withPayload(run(message.getPayload()));
        } catch (Exception e) {
            if (shutdown.cutShort(e)) {
                // neither acknowledged nor nacked: the task's offset stays uncommitted, so it is run
                // again after the restart instead of landing on tasks-dlq
                LOG.infof("a task was cut short by the shutdown; it stays unacknowledged and is redelivered");
                return null;
            }
            message.nack(e);
            return null;
        }
    }

    private Record<String, String> run(String payload) throws Exception {
        TaskEvent task = parse(payload);
        TrajectoryEvent trajectory = generator.generate(task);
        LOG.debugf("task %s ran as trajectory %s", task.id(), trajectory.id());
        return Record.of(task.id(), Json.mapper().writeValueAsString(trajectory));
    }

    private TaskEvent parse(String payload) {
        try {
            return validator.parse(payload);
        } catch (InvalidTaskException e) {
            metrics.rejected("topic");
            LOG.warnf("rejected a task from the topic: %s", e.getMessage());
            throw e;
        }
    }
}
