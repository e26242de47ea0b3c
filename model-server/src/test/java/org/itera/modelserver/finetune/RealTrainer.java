package org.itera.modelserver.finetune;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the real trainer's Python: {@code ITERA_TRAINER_PYTHON}, else
 * {@code ${ITERA_TRAINER_VENV:-~/.cache/itera/trainer-venv}/bin/python}. When neither exists,
 * {@code scripts/setup-trainer.sh} is run once to create the venv; the test class is skipped only
 * when that is impossible.
 */
public class RealTrainer implements ExecutionCondition {

    private static Optional<String> problem;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> reason = ensure();
        return reason.isEmpty() ? ConditionEvaluationResult.enabled("trainer at " + python().orElseThrow())
                : ConditionEvaluationResult.disabled("real trainer unavailable: " + reason.get());
    }

    static Optional<Path> python() {
        String explicit = System.getenv("ITERA_TRAINER_PYTHON");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        return Optional.of(venv().resolve("bin").resolve("python")).filter(Files::isExecutable);
    }

    static Path venv() {
        String env = System.getenv("ITERA_TRAINER_VENV");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "itera", "trainer-venv");
    }

    /** Empty when the trainer can be run; otherwise why not. */
    static synchronized Optional<String> ensure() {
        if (problem == null) {
            problem = python().isPresent() ? Optional.empty() : setUp();
        }
        return problem;
    }

    private static Optional<String> setUp() {
        Optional<Path> script = findScript();
        if (script.isEmpty()) {
            return Optional.of("no venv at " + venv() + " and no scripts/setup-trainer.sh to create it");
        }
        try {
            Process process = new ProcessBuilder("bash", script.get().toString()).inheritIO().start();
            if (!process.waitFor(45, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.of(script.get() + " failed; no venv at " + venv());
            }
        } catch (IOException e) {
            return Optional.of("cannot run " + script.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while creating the trainer venv");
        }
        return python().isPresent() ? Optional.empty()
                : Optional.of(script.get() + " ran but " + venv() + "/bin/python is missing");
    }

    private static Optional<Path> findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts").resolve("setup-trainer.sh");
            if (Files.isRegularFile(script)) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }
}
