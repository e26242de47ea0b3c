package org.itera.bench.driver;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.itera.bench.BenchTasks;
import org.itera.bench.PeakMemory;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.event.Turn;
import org.itera.core.json.Json;
import org.itera.core.setting.Outcome;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.team.TeamCatalog;
import org.itera.core.team.TeamRunner;

/**
 * The in-repo stand-in for the original SiriuS scripts: T threads, each running the team on one
 * task after another (every turn a blocking HTTP call), grading it and appending the result to a
 * JSONL file. Prints one line: {@code driver tasks=.. threads=.. seconds=.. tasksPerMin=..
 * correct=.. peakRssMb=.. cpuSeconds=..}.
 *
 * <pre>ScriptDriver BASE_URL THREADS TASKS SUBJECT DATASET|- OUT.jsonl</pre>
 */
public final class ScriptDriver {

    private final TeamRunner runner = new TeamRunner(SettingRegistry.standard(TeamCatalog.standard()));
    private final HttpAgentCaller caller;
    private final List<TaskEvent> tasks;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger correct = new AtomicInteger();

    ScriptDriver(HttpAgentCaller caller, List<TaskEvent> tasks) {
        this.caller = caller;
        this.tasks = tasks;
    }

    /** Runs every task on {@code threads} threads; returns the wall time. */
    Duration run(int threads, BufferedWriter out) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> work(out), "driver-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    int correct() {
        return correct.get();
    }

    private void work(BufferedWriter out) {
        for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
            TaskEvent task = tasks.get(i);
            Instant started = Instant.now();
            List<Turn> turns = runner.run(task, caller);
            TrajectoryEvent trajectory = new TrajectoryEvent(TrajectoryEvent.idFor(task, 0), task,
                    TrajectoryEvent.ORIGIN_GENERATED, null, null, 0, turns, started, Instant.now());
            Outcome outcome = runner.settings().of(task).score(trajectory);
            if (outcome.success()) {
                correct.incrementAndGet();
            }
            write(out, trajectory, outcome);
        }
    }

    private static void write(BufferedWriter out, TrajectoryEvent trajectory, Outcome outcome) {
        try {
            String line = Json.mapper().writeValueAsString(new Result(trajectory, outcome.success()));
            synchronized (out) {
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a result: " + e.getMessage(), e);
        }
    }

    record Result(TrajectoryEvent trajectory, boolean correct) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ScriptDriver BASE_URL THREADS TASKS SUBJECT DATASET|- OUT.jsonl");
            System.exit(64);
        }
        int threads = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path dataset = "-".equals(args[4]) ? null : Path.of(args[4]);
        List<TaskEvent> tasks = BenchTasks.make("driver-" + System.currentTimeMillis(), args[3], dataset, count, null);
        ScriptDriver driver = new ScriptDriver(new HttpAgentCaller(args[0], "bench-model"), tasks);
        Duration wall;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[5]))) {
            wall = driver.run(threads, out);
        }
        double seconds = wall.toMillis() / 1000.0;
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
        System.out.printf("driver tasks=%d threads=%d seconds=%.2f tasksPerMin=%.0f correct=%d peakRssMb=%d cpuSeconds=%.1f%n",
                count, threads, seconds, count / seconds * 60, driver.correct(), PeakMemory.selfPeakRssMb(), cpu);
    }
}
