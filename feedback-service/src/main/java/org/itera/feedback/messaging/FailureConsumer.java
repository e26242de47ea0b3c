package org.itera.feedback.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itera.llm.ShutdownWatch;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.core.repair.RepairPolicy;
import org.itera.core.setting.RepairPlan;
import org.itera.core.setting.SettingRegistry;
import org.itera.feedback.FeedbackMetrics;
import org.itera.feedback.TrajectoryRepairer;
import org.itera.feedback.store.RepairStore;
import org.itera.quarkus.store.StoreOutage;
import org.jboss.logging.Logger;

/**
 * {@code failures} to {@code regenerated}. Each failure is acknowledged only after its repaired
 * trajectory was written; a failure whose repair was already emitted is skipped; an unreadable
 * message, or one whose LLM calls fail for good, lands on {@code failures-dlq} with the reason.
 */
@ApplicationScoped
public class FailureConsumer {

    private static final Logger LOG = Logger.getLogger(FailureConsumer.class);

    private final RepairPolicy policy;
    private final SettingRegistry settings;
    private final TrajectoryRepairer repairer;
    private final RepairStore store;
    private final FeedbackMetrics metrics;
    private final MutinyEmitter<Record<String, String>> regenerated;
    private final ShutdownWatch shutdown;

    public FailureConsumer(RepairPolicy policy, SettingRegistry settings, TrajectoryRepairer repairer, RepairStore store,
            FeedbackMetrics metrics, @Channel("regenerated") MutinyEmitter<Record<String, String>> regenerated,
            ShutdownWatch shutdown) {
        this.shutdown = shutdown;
        this.policy = policy;
        this.settings = settings;
        this.repairer = repairer;
        this.store = store;
        this.metrics = metrics;
        this.regenerated = regenerated;
    }

    /**
     * Acknowledges the failure once handled, or sends it to {@code failures-dlq} with the reason. A
     * repair cut short by a shutdown (its thread interrupted after the grace period) is neither:
     * its offset stays uncommitted and the failure is repaired after the restart. While the store
     * cannot be reached, its ledger reads and writes wait ({@link StoreOutage}) instead of failing
     * the repair.
     */
    @Incoming("failures")
    @Blocking(value = "repairs", ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            handle(message.getPayload());
            return message.ack();
        } catch (JsonProcessingException | RuntimeException e) {
            if (shutdown.cutShort(e) || e instanceof StoreOutage.Stopped) {
                LOG.infof("repair interrupted by the shutdown; the failure stays unacknowledged and is redelivered");
                return new CompletableFuture<>();
            }
            return message.nack(e);
        }
    }

    void handle(String payload) throws JsonProcessingException {
        TrajectoryEvent failed = FailureReader.read(payload, settings).trajectory();
        int attempt = failed.attempt() + 1;
        Optional<RepairPlan> plan = settings.of(failed.task()).repairPlan(failed, policy, attempt);
        if (plan.isEmpty()) {
            metrics.skipped("no-plan");
            LOG.infof("trajectory %s: its setting has no repair for it; not repaired", failed.id());
            return;
        }
        String role = plan.get().role().name();
        String key = RepairStore.keyOf(failed.id(), role, attempt);
        if (StoreOutage.retrying(() -> store.isDone(key))) {
            metrics.skipped("duplicate");
            return;
        }
        TrajectoryEvent repaired = repair(failed, plan.get(), attempt);
        regenerated.sendAndAwait(Record.of(failed.task().id(), Json.mapper().writeValueAsString(repaired)));
        StoreOutage.retrying(() -> store.markDone(key, repaired));
        metrics.repaired(failed.task().subject(), role);
    }

    private TrajectoryEvent repair(TrajectoryEvent failed, RepairPlan plan, int attempt) {
        try {
            return repairer.repair(failed, plan, attempt);
        } catch (RuntimeException e) {
            metrics.failed(failed.task().subject());
            throw e;
        }
    }
}
