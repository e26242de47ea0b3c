package org.itera.filter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.event.GradedTrajectoryEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.setting.SettingRegistry;
import org.itera.filter.config.RepairConfig;
import org.itera.filter.messaging.FilterOutputs;
import org.itera.filter.store.LibraryEntry;
import org.itera.filter.store.TrajectoryStore;
import org.jboss.logging.Logger;

/**
 * Scores trajectories (generated or regenerated) by their setting and files them, a batch at a
 * time: every attempt is stored with its outcome; a train-split one adds the library entries its
 * setting selects (for a problem-solving team one per role of a successful run) and emits them as
 * finetune records; a failed train-split one goes to {@code failures} while its task has repair
 * budget left ({@code attempt < itera.repair.max-attempts}) and is stored as {@code exhausted}
 * otherwise; test-split ones, and the failures of a setting that repairs nothing (the games), are
 * only stored. A batch costs three store round trips and one wait for the broker, whatever its size.
 *
 * <p>Idempotent: a trajectory's document (marked {@code published}) is written only after the outputs
 * of its batch were acknowledged, and a trajectory that arrives again finds it and is skipped; a
 * copy in the same batch, or in a batch filed at the same time, is skipped too. A crash before the
 * document is written re-does the work: library entries are keyed by id, and downstream services
 * recognise re-sent records by theirs.
 */
@ApplicationScoped
public class TrajectoryFilter {

    private static final Logger LOG = Logger.getLogger(TrajectoryFilter.class);

    private final TrajectoryStore store;
    private final FilterOutputs outputs;
    private final FilterMetrics metrics;
    private final RepairConfig repair;
    private final SettingRegistry settings;
    private final InFlightTrajectories inFlight = new InFlightTrajectories();

    public TrajectoryFilter(TrajectoryStore store, FilterOutputs outputs, FilterMetrics metrics, RepairConfig repair,
            SettingRegistry settings) {
        this.store = store;
        this.outputs = outputs;
        this.metrics = metrics;
        this.repair = repair;
        this.settings = settings;
    }

    public void file(TrajectoryEvent trajectory) {
        file(List.of(trajectory));
    }

    /**
     * Files a batch; returns when everything it produced was written and acknowledged. Batches may be
     * filed at once; a trajectory another batch is filing right now is filed after that one is done.
     */
    public void file(List<TrajectoryEvent> batch) {
        Map<String, TrajectoryEvent> pending = distinct(batch);
        while (!pending.isEmpty()) {
            InFlightTrajectories.Claim claim = inFlight.claim(pending.keySet());
            try {
                fileClaimed(claim.claimed().stream().map(pending::get).toList());
            } finally {
                claim.releaseAndAwaitOthers();
            }
            pending.keySet().retainAll(claim.busy());
        }
    }

    private void fileClaimed(List<TrajectoryEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Filing> fresh = skipFiled(batch.stream()
                .map(t -> Filing.grade(t, settings.of(t.task()), repair.maxAttempts())).toList());
        List<LibraryEntry> entries = new ArrayList<>();
        List<GradedTrajectoryEvent> failures = new ArrayList<>();
        for (Filing filing : fresh) {
            if (filing.train()) {
                filing.setting().examples(filing.trajectory(), filing.outcome())
                        .forEach(example -> entries.add(new LibraryEntry(example, filing.trajectory().task().run())));
            }
            if (filing.toRepair()) {
                failures.add(new GradedTrajectoryEvent(filing.trajectory(), filing.outcome().grade()));
            }
        }
        store.saveExperiences(entries).forEach(metrics::libraryEntry);
        outputs.send(entries.stream().map(LibraryEntry::example).toList(), failures);
        store.saveFiled(fresh);
        failures.forEach(failed -> metrics.failureEmitted(failed.trajectory()));
        fresh.forEach(this::count);
        LOG.debugf("filed %d trajectories (%d new)", batch.size(), fresh.size());
    }

    /** The batch without repeated trajectories (a redelivered copy beside its original). */
    private Map<String, TrajectoryEvent> distinct(List<TrajectoryEvent> batch) {
        Map<String, TrajectoryEvent> distinct = new LinkedHashMap<>();
        for (TrajectoryEvent trajectory : batch) {
            if (distinct.putIfAbsent(trajectory.id(), trajectory) != null) {
                metrics.duplicateSkipped();
            }
        }
        return distinct;
    }

    /** The graded attempts not filed before (a filed one has its document). */
    private List<Filing> skipFiled(List<Filing> graded) {
        Set<String> filed = store.filed(graded.stream().map(Filing::id).toList());
        List<Filing> fresh = new ArrayList<>();
        for (Filing filing : graded) {
            if (filed.contains(filing.id())) {
                skip(filing.trajectory());
            } else {
                fresh.add(filing);
            }
        }
        return fresh;
    }

    private void skip(TrajectoryEvent trajectory) {
        if (trajectory.task().run() != null) {
            store.addRun(trajectory.id(), trajectory.task().run());
        }
        metrics.duplicateSkipped();
        LOG.debugf("trajectory %s was already filed; skipped", trajectory.id());
    }

    private void count(Filing filing) {
        TrajectoryEvent trajectory = filing.trajectory();
        metrics.graded(trajectory, filing.outcome().success());
        if (TrajectoryEvent.ORIGIN_REGENERATED.equals(trajectory.origin())) {
            metrics.repairGraded(trajectory, filing.outcome().success());
        }
        if (filing.exhausted()) {
            metrics.repairsExhausted(trajectory);
            LOG.infof("trajectory %s is still wrong after %d repairs; not sent for repair",
                    trajectory.id(), trajectory.attempt());
        }
    }
}
