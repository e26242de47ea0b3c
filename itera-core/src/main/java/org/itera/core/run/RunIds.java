package org.itera.core.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Run ids: what a task's optional {@code run} may be (letters, digits and {@code . _ : -}, 1 to 128
 * characters, starting with a letter or digit: safe in a URL path and a file name), and new ones
 * for the CLI and the round driver ({@code run-20261206-121500-3fa9}: sortable by start).
 */
public final class RunIds {

    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** Why the id cannot name a run, or empty when it can. */
    public static Optional<String> problem(String runId) {
        if (runId == null) {
            return Optional.empty();
        }
        if (!VALID.matcher(runId).matches()) {
            return Optional.of("run id '" + abbreviate(runId) + "' is not 1-" + MAX_LENGTH
                    + " letters, digits, '.', '_', ':' or '-' starting with a letter or digit");
        }
        return Optional.empty();
    }

    /** A new run id stamped with the clock's time (UTC) and 16 random bits. */
    public static String next(Clock clock) {
        return "run-" + STAMP.format(clock.instant())
                + String.format("-%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
