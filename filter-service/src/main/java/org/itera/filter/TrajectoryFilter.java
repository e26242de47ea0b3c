package org.itera.filter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.Grade;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.grading.Grader;
import org.itera.filter.messaging.FilterOutputs;
import org.itera.filter.store.TrajectoryStore;
import org.jboss.logging.Logger;

/**
 * Grades a trajectory and files it: every attempt is stored; a successful train-split one adds one
 * library entry per role and is emitted as finetune records; a failed train-split one goes to
 * {@code failures}; test-split ones are only stored.
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

    public TrajectoryFilter(TrajectoryStore store, FilterOutputs outputs, FilterMetrics metrics) {
        this.store = store;
        this.outputs = outputs;
        this.metrics = metrics;
    }

    public void file(TrajectoryEvent trajectory) {
        if (store.isPublished(trajectory.id())) {
            metrics.duplicateSkipped();
            LOG.debugf("trajectory %s was already filed; skipped", trajectory.id());
            return;
        }
        Grade grade = Grader.grade(trajectory.task(), trajectory.finalOutput());
        store.saveGraded(trajectory, grade);
        metrics.graded(trajectory, grade.correct());
        if (TaskEvent.SPLIT_TRAIN.equals(trajectory.task().split())) {
            if (grade.correct()) {
                addToLibrary(trajectory);
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
