package org.itera.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.WaitProgress;
import org.itera.testing.FreePorts;

/**
 * The {@code itera} command as a user runs it, each call its own process (java -jar of itera-cli,
 * as the wrapper does), with a home of its own under target/ and every part on a free port.
 */
final class IteraCommand {

    static final Path REPO = Path.of(System.getProperty("itera.repo.dir", "..")).toAbsolutePath().normalize();

    private final Path home;
    private final Map<String, String> env;

    /** A fresh home (deleted first) and {@code settings} on top of free ports for every part. */
    IteraCommand(String homeName, Map<String, String> settings) throws IOException {
        this.home = Path.of("target", homeName).toAbsolutePath();
        deleteRecursively(home);
        this.env = new HashMap<>(settings);
        env.put("ITERA_HOME", home.toString());
        for (Component component : Component.values()) {
            env.put(component.portVariable(), Integer.toString(FreePorts.pick()));
        }
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.pick()));
    }

    record Result(int exit, String out, String err) {
    }

    Path home() {
        return home;
    }

    Map<String, String> env() {
        return env;
    }

    /** The CLI's view of this home, to read pid files and ports (it starts nothing by itself). */
    LocalStack stack() {
        return new LocalStack(new StackConfig(REPO, home, env), System.err, WaitProgress.NONE);
    }

    /** Runs {@code itera ARGS} and waits for it, at most ten minutes. */
    Result run(String... args) throws IOException, InterruptedException {
        Path jar;
        try (var files = Files.list(REPO.resolve("itera-cli/target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("itera-cli-[0-9.]+(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no itera-cli jar: run mvn verify from the root"));
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Ditera.repo=" + REPO, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.getParent(), "itera-out", ".txt");
        Path err = home.getParent().resolve(home.getFileName() + "-" + args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("itera " + String.join(" ", args) + " did not end within 10 minutes; see " + err);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }


    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
