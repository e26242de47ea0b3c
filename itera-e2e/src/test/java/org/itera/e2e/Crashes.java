package org.itera.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.awaitility.Awaitility;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.Readiness;

/**
 * Kills parts of a local stack the hard way ({@code kill -9}: no shutdown hook, no leaving the
 * consumer group, nothing flushed) and brings them back with {@code itera up}, as a user would;
 * records for each what happened and how long the pipeline took to move again.
 */
final class Crashes {

    /**
     * One crash: what was killed, how far the run was, how long until {@code itera up} had it back
     * (ready), and until the next trajectory was filed after that.
     */
    record Figure(String what, long filedBefore, double backAfterSeconds, double movingAfterSeconds) {
        @Override
        public String toString() {
            return String.format("%-44s filed before: %4d   back (itera up) after %5.1f s   filing again after %5.1f s",
                    what, filedBefore, backAfterSeconds, movingAfterSeconds);
        }
    }

    private final IteraCommand itera;
    private final LongSupplier filed;
    private final List<Figure> figures = new ArrayList<>();

    Crashes(IteraCommand itera, LongSupplier filed) {
        this.itera = itera;
        this.filed = filed;
    }

    List<Figure> figures() {
        return figures;
    }

    /** kill -9 of each part at once, then {@code itera up}; waits until something is filed again. */
    void kill(String what, Component... parts) throws Exception {
        LocalStack stack = itera.stack();
        long before = filed.getAsLong();
        long start = System.nanoTime();
        for (Component part : parts) {
            ProcessHandle process = stack.files(part).running()
                    .orElseThrow(() -> new AssertionError(part.label() + " is not running"));
            process.destroyForcibly();
            process.onExit().get();
        }
        up(what, before, start);
    }

    /** Stops the store (SIGTERM: its file is closed properly), checks readiness goes DOWN, waits, starts it again. */
    void storeOutage(Duration outage, Component... readinessDown) throws Exception {
        LocalStack stack = itera.stack();
        long before = filed.getAsLong();
        long start = System.nanoTime();
        stack.stop(Component.MONGO);
        for (Component service : readinessDown) {
            Awaitility.await(service.label() + " readiness DOWN without the store").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !Readiness.healthReady(stack.config().url(service)));
        }
        long left = outage.toNanos() - (System.nanoTime() - start);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
        up("store stopped for " + outage.toSeconds() + " s", before, start);
    }

    private void up(String what, long before, long start) throws Exception {
        IteraCommand.Result up = itera.run("up");
        if (up.exit() != 0) {
            throw new AssertionError("itera up after '" + what + "' failed:\n" + up.err());
        }
        double back = seconds(start);
        long atBack = filed.getAsLong();
        Awaitility.await("filing again after " + what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> filed.getAsLong() > atBack);
        figures.add(new Figure(what, before, back, seconds(start)));
    }

    void write(Path file, String header) throws IOException {
        List<String> lines = new ArrayList<>(List.of(header));
        figures.forEach(f -> lines.add(f.toString()));
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        lines.forEach(System.out::println);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
