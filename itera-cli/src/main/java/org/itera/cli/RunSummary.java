package org.itera.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Text for a run: the one-line progress shown while it goes (tasks, then the repair loop), and the
 * summary printed at the end (accuracy per subject and split, library growth by role and origin,
 * failures sent to repair, repairs by subject and role, tasks that failed to run). Pure functions
 * of a {@link RunTally}.
 */
public final class RunSummary {

    static final int BAR_WIDTH = 24;
    static final String DLQ_TOPIC = "tasks-dlq";

    private RunSummary() {
    }

    /** E.g. {@code [######..........] 6/20 done: 5 graded (3 correct), 1 failed to run  12s}. */
    public static String progress(RunTally t, long expected, long seconds) {
        long done = t.done();
        int filled = expected <= 0 ? BAR_WIDTH : (int) (Math.min(done, expected) * BAR_WIDTH / expected);
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                .append(done).append('/').append(expected).append(" done: ")
                .append(t.graded()).append(" graded (").append(t.firstAttemptsCorrect()).append(" correct)");
        if (t.failedToRunTotal() > 0) {
            line.append(", ").append(t.failedToRunTotal()).append(" failed to run");
        }
        return line.append("  ").append(duration(seconds)).toString();
    }

    /** E.g. {@code repairs: 5 made, 3 rescued, 1 exhausted, 2 tasks waiting (paused)  40s}. */
    public static String repairProgress(RunTally t, long seconds) {
        StringBuilder line = new StringBuilder("repairs: ").append(t.repairsTotal().repaired()).append(" made, ")
                .append(t.repairsTotal().rescued()).append(" rescued");
        if (t.repairsTotal().exhausted() > 0) {
            line.append(", ").append(t.repairsTotal().exhausted()).append(" exhausted");
        }
        line.append(", ").append(t.waitingForRepair()).append(t.waitingForRepair() == 1 ? " task" : " tasks")
                .append(" waiting");
        if (Boolean.TRUE.equals(t.repairLoopPaused())) {
            line.append(" (repair loop paused)");
        }
        return line.append("  ").append(duration(seconds)).toString();
    }

    /**
     * The summary. {@code dlqHint} (may be null) is shown under the tasks that failed to run, e.g.
     * the command that reads {@code tasks-dlq}.
     */
    public static String render(RunTally t, long expected, long seconds, boolean timedOut, String dlqHint) {
        return render(t, expected, seconds, timedOut, dlqHint, null);
    }

    /**
     * The summary, with {@code repairNote} (may be null) shown in the repairs block, e.g. that the
     * repair loop had not settled at the timeout.
     */
    public static String render(RunTally t, long expected, long seconds, boolean timedOut, String dlqHint,
            String repairNote) {
        StringBuilder out = new StringBuilder();
        out.append(timedOut ? "Run summary (TIMED OUT): " : "Run summary: ")
                .append(t.done()).append(" of ").append(expected).append(" tasks done in ")
                .append(duration(seconds)).append('\n');
        out.append("  graded ").append(t.graded()).append(", failed to run ").append(t.failedToRunTotal())
                .append('\n');

        out.append('\n');
        accuracy(out, t);
        out.append('\n');
        library(out, t);
        out.append('\n');

        out.append("Failures sent to repair (train failures, topic `failures`): ").append(t.failuresToRepair())
                .append('\n');
        out.append('\n');
        repairs(out, t, repairNote);
        out.append('\n');
        out.append("Tasks that failed to run (invalid, or their LLM calls failed for good): ")
                .append(t.failedToRunTotal());
        if (t.failedToRunTotal() > 0) {
            out.append(" (").append(perSubject(t.failedToRun())).append(')');
        }
        out.append('\n');
        if (t.failedToRunTotal() > 0) {
            out.append("  They are on the Kafka topic `").append(DLQ_TOPIC)
                    .append("`, and with their reasons under `deadLetters` in GET /runs/{id}.\n");
            if (dlqHint != null && !dlqHint.isBlank()) {
                out.append("  ").append(dlqHint.strip()).append('\n');
            }
        }
        return out.toString();
    }

    private static void accuracy(StringBuilder out, RunTally t) {
        out.append("Accuracy of this run\n");
        if (t.bySubject().isEmpty()) {
            out.append("  nothing was graded\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"subject", "split", "graded", "correct", "accuracy"});
        for (Map.Entry<String, RunTally.Outcome> e : t.bySubject().entrySet()) {
            rows.add(outcomeRow(e.getKey(), "all", e.getValue()));
            Map<String, RunTally.Outcome> splits = t.bySubjectSplit().get(e.getKey());
            if (splits != null) {
                for (Map.Entry<String, RunTally.Outcome> s : splits.entrySet()) {
                    rows.add(outcomeRow("", s.getKey(), s.getValue()));
                }
            }
        }
        if (t.bySubjectSplit().isEmpty()) {
            for (Map.Entry<String, Long> s : t.bySplit().entrySet()) {
                rows.add(new String[] {"(every subject)", s.getKey(), Long.toString(s.getValue()), "-", "-"});
            }
        }
        table(out, rows, 2);
        if (t.regenerated() > 0) {
            out.append("  (includes ").append(t.regenerated()).append(" repaired trajectories)\n");
        }
    }

    private static String[] outcomeRow(String subject, String split, RunTally.Outcome o) {
        return new String[] {subject, split, Long.toString(o.graded()), Long.toString(o.success()),
                percent(o.success(), o.graded())};
    }

    private static void library(StringBuilder out, RunTally t) {
        out.append("Experience library (entries by role)\n");
        if (t.experienceTotal().isEmpty()) {
            out.append("  empty\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"subject", "role", "added", "total"});
        TreeSet<String> subjects = new TreeSet<>(t.experienceTotal().keySet());
        subjects.addAll(t.experienceAdded().keySet());
        for (String subject : subjects) {
            Map<String, Long> totals = t.experienceTotal().getOrDefault(subject, Map.of());
            Map<String, Long> added = t.experienceAdded().getOrDefault(subject, Map.of());
            TreeSet<String> roles = new TreeSet<>(totals.keySet());
            roles.addAll(added.keySet());
            boolean first = true;
            for (String role : roles) {
                rows.add(new String[] {first ? subject : "", role, "+" + added.getOrDefault(role, 0L),
                        Long.toString(totals.getOrDefault(role, 0L))});
                first = false;
            }
        }
        rows.add(new String[] {"all", "", "+" + t.experienceAddedTotal(), Long.toString(t.experienceTotalAll())});
        table(out, rows, 2);
        if (!t.experienceAddedByOrigin().isEmpty()) {
            List<String> parts = new ArrayList<>();
            t.experienceAddedByOrigin().forEach((origin, n) -> parts.add(origin + " +" + n + switch (origin) {
                case "generated" -> " (first attempts)";
                case "regenerated" -> " (rescued by repairs)";
                default -> "";
            }));
            out.append("  added by origin: ").append(String.join(", ", parts)).append('\n');
        }
    }

    private static void repairs(StringBuilder out, RunTally t, String note) {
        out.append("Repairs (failures -> feedback-service -> regenerated -> graded again)\n");
        if (t.repairs().isEmpty() && t.repairsTotal().isEmpty()) {
            out.append("  none in this run\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"subject", "role", "repaired", "rescued", "exhausted", "rescue rate"});
            for (Map.Entry<String, Map<String, RunTally.Repair>> subject : t.repairs().entrySet()) {
                boolean first = true;
                for (Map.Entry<String, RunTally.Repair> role : subject.getValue().entrySet()) {
                    rows.add(repairRow(first ? subject.getKey() : "",
                            "none".equals(role.getKey()) ? "(no repair)" : role.getKey(), role.getValue()));
                    first = false;
                }
            }
            rows.add(repairRow("all", "", t.repairsTotal()));
            table(out, rows, 2);
            RunTally.Outcome first = t.firstAttemptsTrain();
            if (first.graded() > 0) {
                long after = Math.min(first.graded(), first.success() + t.repairsTotal().rescued());
                out.append("  train tasks right: ").append(first.success()).append(" of ").append(first.graded())
                        .append(" at the first attempt (").append(percent(first.success(), first.graded()))
                        .append("), ").append(after).append(" of ").append(first.graded()).append(" with repairs (")
                        .append(percent(after, first.graded())).append(")\n");
            }
        }
        if (note != null && !note.isBlank()) {
            out.append("  ").append(note.strip()).append('\n');
        }
    }

    private static String[] repairRow(String subject, String role, RunTally.Repair r) {
        return new String[] {subject, role, Long.toString(r.repaired()), Long.toString(r.rescued()),
                Long.toString(r.exhausted()), percent(r.rescued(), r.repaired())};
    }

    /** Left-aligns the first {@code textColumns} columns and right-aligns the rest. */
    private static void table(StringBuilder out, List<String[]> rows, int textColumns) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                line.append(' ');
                if (i < textColumns) {
                    line.append(row[i]).append(" ".repeat(width[i] - row[i].length()));
                } else {
                    line.append(" ".repeat(width[i] - row[i].length())).append(row[i]);
                }
                line.append(' ');
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    private static String perSubject(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((subject, n) -> parts.add(subject + " " + n));
        return String.join(", ", parts);
    }
}
