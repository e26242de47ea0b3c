package org.itera.filter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Grade;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.grading.Grader;
import org.itera.filter.config.RepairConfig;
import org.itera.filter.messaging.FilterOutputs;
import org.itera.filter.store.TrajectoryStore;
import org.jboss.logging.Logger;

/**
 * Grades a trajectory (generated or regenerated) and files it: every attempt is stored; a
 * successful train-split one adds one library entry per role and is emitted as finetune records;
 * a failed train-split one goes to {@code failures} while its task has repair budget left
 * ({@code attempt < itera.repair.max-attempts}) and is stored as {@code exhausted} otherwise;
 * test-split ones are only stored.
 *
 * <p>Idempotent: the trajectory document is marked published only after its outputs were
 * acknowledged, and a published trajectory that arrives again is skipped. A crash in between
 * re-does the work, and the deterministic ids keep the documents single.
 */
@ApplicationScoped
public class TrajectoryFilter {

    private static final Logger LOG = Logger.getLogger(TrajectoryFilter.class);

    private final TrajectoryStore store;
    private final FilterOutputs outputs;
    private final FilterMetrics metrics;
    private final RepairConfig repair;

    public TrajectoryFilter(TrajectoryStore store, FilterOutputs outputs, FilterMetrics metrics, RepairConfig repair) {
        this.store = store;
        this.outputs = outputs;
        this.metrics = metrics;
        this.repair = repair;
    }

    public void file(TrajectoryEvent trajectory) {
        if (store.isPublished(trajectory.id())) {
            metrics.duplicateSkipped();
            LOG.debugf("trajectory %s was already filed; skipped", trajectory.id());
            return;
        }
        Grade grade = Grader.grade(trajectory.task(), trajectory.finalOutput());
        boolean train = TaskEvent.SPLIT_TRAIN.equals(trajectory.task().split());
        boolean exhausted = train && !grade.correct() && trajectory.attempt() >= repair.maxAttempts();
        store.saveGraded(trajectory, grade, exhausted);
        metrics.graded(trajectory, grade.correct());
        if (TrajectoryEvent.ORIGIN_REGENERATED.equals(trajectory.origin())) {
            metrics.repairGraded(trajectory, grade.correct());
        }
        if (train) {
            if (grade.correct()) {
                addToLibrary(trajectory);
            } else if (exhausted) {
                metrics.repairsExhausted(trajectory);
                LOG.infof("trajectory %s is still wrong after %d repairs; not sent for repair",
                        trajectory.id(), trajectory.attempt());
            } else {
                outputs.failure(new GradedTrajectoryEvent(trajectory, grade));
                metrics.failureEmitted(trajectory);
            }
        }
        store.markPublished(trajectory.id());
    }

    private void addToLibrary(TrajectoryEvent trajectory) {
        List<FinetuneRecord> examples = ExperienceBuilder.examplesOf(trajectory);
        for (FinetuneRecord example : examples) {
            if (store.saveExperience(example)) {
                metrics.libraryEntry(example);
            }
            outputs.finetuneRecord(example);
        }
    }
}
