package org.itera.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Names the logs of a failed test in its failure, which Maven prints: the test class's own output
 * (its log lines and those of the broker, store and service in its JVM, in
 * {@code target/surefire-reports/<class>-output.txt} or failsafe's) and the logs of the services
 * it started as processes ({@link #add}). Registered for every test on the class path by
 * {@code META-INF/services} (Quarkus's test support turns on JUnit's extension autodetection).
 */
public final class TestLogs implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Where surefire or failsafe writes each test class's output; set by the parent pom. */
    static final String REPORTS_DIR = "itera.test.reports";

    private static final List<Path> SERVICE_LOGS = new CopyOnWriteArrayList<>();

    /** Names {@code log} (a service's output) in the failures of the tests of this JVM from now on. */
    public static void add(Path log) {
        Path absolute = log.toAbsolutePath().normalize();
        if (!SERVICE_LOGS.contains(absolute)) {
            SERVICE_LOGS.add(absolute);
        }
    }

    /** The failure note's text: the logs to read for a test of {@code testClass}. */
    static String where(String testClass) {
        List<String> logs = new ArrayList<>();
        String reports = System.getProperty(REPORTS_DIR);
        logs.add(reports == null ? "the test's standard output"
                : Path.of(reports, testClass + "-output.txt").toString());
        SERVICE_LOGS.forEach(log -> logs.add(log.toString()));
        return "logs: " + String.join(", ", logs);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw noted(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw noted(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw noted(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw noted(context, failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw noted(context, failure);
    }

    private static Throwable noted(ExtensionContext context, Throwable failure) {
        if (isAborted(failure)) {
            return failure;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof LogsNote) {
                return failure;
            }
        }
        failure.addSuppressed(new LogsNote(where(context.getRequiredTestClass().getName())));
        return failure;
    }

    private static boolean isAborted(Throwable failure) {
        return failure.getClass().getName().equals("org.opentest4j.TestAbortedException");
    }

    /** A one-line note (no stack) attached to a failure. */
    static final class LogsNote extends RuntimeException {
        LogsNote(String message) {
            super(message, null, false, false);
        }
    }
}
