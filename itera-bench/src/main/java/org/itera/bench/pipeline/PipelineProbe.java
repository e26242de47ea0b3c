package org.itera.bench.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.itera.bench.BenchTasks;
import org.itera.bench.Percentiles;
import org.itera.core.event.TaskEvent;

/**
 * Pushes N tasks onto a running pipeline and times them until the filter has filed each one (or,
 * with {@code settled}, until each one's repair loop ended). Prints one line:
 * {@code pipeline tasks=.. done=.. seconds=.. tasksPerMin=.. p50Ms=.. p95Ms=.. repairs=.. generatedSeconds=..
 * filingLagP50Ms=.. filingLagP95Ms=..}, where seconds run from the first push acknowledged to the last
 * of these tasks done, generatedSeconds to the last one generated (the trajectory's {@code finishedAt}),
 * and the filing lag from generated to filed: which of generator and filter held the run up. Tasks of earlier
 * runs in the same database (a warm-up) are not counted.
 *
 * <pre>PipelineProbe BOOTSTRAP MONGO_URI DATABASE RUN_ID TASKS SUBJECT DATASET|- first|settled TIMEOUT_S [ANSWER]</pre>
 */
public final class PipelineProbe {

    private PipelineProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("usage: PipelineProbe BOOTSTRAP MONGO_URI DATABASE RUN_ID TASKS SUBJECT DATASET|- "
                    + "first|settled TIMEOUT_S [ANSWER]");
            System.exit(64);
        }
        int count = Integer.parseInt(args[4]);
        Path dataset = "-".equals(args[6]) ? null : Path.of(args[6]);
        FiledWatch.Until until = FiledWatch.Until.valueOf(args[7].toUpperCase());
        List<TaskEvent> tasks = BenchTasks.make(args[3], args[5], dataset, count, args.length > 9 ? args[9] : null);
        try (MongoClient mongo = MongoClients.create(args[1])) {
            FiledWatch watch = new FiledWatch(mongo, args[2], until);
            long baseline = watch.done();
            Map<String, Long> pushed = TaskPusher.push(args[0], tasks);
            long done = watch.await(baseline, count, Duration.ofSeconds(Long.parseLong(args[8])));
            report(count, done, pushed, watch.doneAt(), watch.repairs());
            System.exit(done >= count ? 0 : 1);
        }
    }

    private static void report(int count, long done, Map<String, Long> pushed, Map<String, FiledWatch.Done> doneAt,
            long repairs) {
        Map<String, FiledWatch.Done> ours = doneAt.entrySet().stream().filter(e -> pushed.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long first = pushed.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long last = ours.values().stream().mapToLong(FiledWatch.Done::filedAt).max().orElse(first);
        long lastGenerated = ours.values().stream().mapToLong(FiledWatch.Done::generatedAt).max().orElse(first);
        Percentiles p = new Percentiles(ours.entrySet().stream()
                .mapToLong(e -> e.getValue().filedAt() - pushed.get(e.getKey())).toArray());
        Percentiles lag = new Percentiles(ours.values().stream().mapToLong(d -> d.filedAt() - d.generatedAt()).toArray());
        double seconds = Math.max(1, last - first) / 1000.0;
        System.out.printf("pipeline tasks=%d done=%d seconds=%.2f tasksPerMin=%.0f p50Ms=%d p95Ms=%d repairs=%d "
                + "generatedSeconds=%.2f filingLagP50Ms=%d filingLagP95Ms=%d%n",
                count, done, seconds, done / seconds * 60, p.at(50), p.at(95), repairs,
                Math.max(0, lastGenerated - first) / 1000.0, lag.at(50), lag.at(95));
    }
}
