package org.itera.filter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.Setting;
import org.itera.core.setting.SettingRegistry;
import org.itera.filter.config.RepairConfig;
import org.itera.filter.messaging.FilterOutputs;
import org.itera.filter.store.TrajectoryStore;
import org.jboss.logging.Logger;

/**
 * Scores a trajectory (generated or regenerated) by its setting and files it: every attempt is
 * stored with its outcome; a train-split one adds the library entries its setting selects (for
 * a problem-solving team one per role of a successful run) and emits them as finetune records; a
 * failed train-split one goes to {@code failures} while its task has repair budget left
 * ({@code attempt < itera.repair.max-attempts}) and is stored as {@code exhausted} otherwise;
 * test-split ones, and the failures of a setting that repairs nothing (the games), are only stored.
 *
 * <p>Idempotent: the trajectory document is marked published only after its outputs were
 * acknowledged, and a published trajectory that arrives again is skipped (its insert finds the
 * document there, and the document says published). A crash in between re-does the work, and the
 * deterministic ids keep the documents single.
 */
@ApplicationScoped
public class TrajectoryFilter {

    private static final Logger LOG = Logger.getLogger(TrajectoryFilter.class);

    private final TrajectoryStore store;
    private final FilterOutputs outputs;
    private final FilterMetrics metrics;
    private final RepairConfig repair;
    private final SettingRegistry settings;

    public TrajectoryFilter(TrajectoryStore store, FilterOutputs outputs, FilterMetrics metrics, RepairConfig repair,
            SettingRegistry settings) {
        this.store = store;
        this.outputs = outputs;
        this.metrics = metrics;
        this.repair = repair;
        this.settings = settings;
    }

    public void file(TrajectoryEvent trajectory) {
        Setting setting = settings.of(trajectory.task());
        Outcome outcome = setting.score(trajectory);
        boolean train = TaskEvent.SPLIT_TRAIN.equals(trajectory.task().split());
        boolean repairable = train && !outcome.success() && setting.repairs();
        boolean exhausted = repairable && trajectory.attempt() >= repair.maxAttempts();
        if (!store.saveGraded(trajectory, outcome, exhausted) && store.isPublished(trajectory.id())) {
            if (trajectory.task().run() != null) {
                store.addRun(trajectory.id(), trajectory.task().run());
            }
            metrics.duplicateSkipped();
            LOG.debugf("trajectory %s was already filed; skipped", trajectory.id());
            return;
        }
        metrics.graded(trajectory, outcome.success());
        if (TrajectoryEvent.ORIGIN_REGENERATED.equals(trajectory.origin())) {
            metrics.repairGraded(trajectory, outcome.success());
        }
        if (train) {
            addToLibrary(setting.examples(trajectory, outcome), trajectory.task().run());
        }
        if (repairable) {
            routeFailure(trajectory, outcome, exhausted);
        }
        store.markPublished(trajectory.id());
    }

    private void routeFailure(TrajectoryEvent trajectory, Outcome outcome, boolean exhausted) {
        if (exhausted) {
            metrics.repairsExhausted(trajectory);
            LOG.infof("trajectory %s is still wrong after %d repairs; not sent for repair",
                    trajectory.id(), trajectory.attempt());
            return;
        }
        outputs.failure(new GradedTrajectoryEvent(trajectory, outcome.grade()));
        metrics.failureEmitted(trajectory);
    }

    private void addToLibrary(List<FinetuneRecord> examples, String run) {
        store.saveExperiences(examples, run).forEach(metrics::libraryEntry);
        outputs.finetuneRecords(examples);
    }
}
