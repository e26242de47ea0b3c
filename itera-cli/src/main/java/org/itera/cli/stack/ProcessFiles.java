package org.itera.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A background process of the local stack, known by its pid file and a marker on its command line
 * (a jar or class name, so that a recycled pid of another program is never taken for ours); its
 * output goes to a log file. The process outlives the command that started it, in a session of its
 * own (so Ctrl-C on the terminal does not reach it), until {@link #stop} or {@code itera down}.
 */
public record ProcessFiles(String name, Path pidFile, Path log, String marker) {

    /** Our process, when the pid file names a live process whose command line carries the marker. */
    public Optional<ProcessHandle> running() {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::carriesMarker);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process's command line names this part. A child of this process with an empty
     * command line is one between {@code setsid} and the {@code exec} of its command (the kernel shows
     * none while the image is replaced, a window a busy machine widens): it counts as ours, not as one
     * that exited during start-up.
     */
    private boolean carriesMarker(ProcessHandle handle) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                byte[] line = Files.readAllBytes(cmdline);
                return line.length == 0 ? isOurChild(handle) : new String(line, StandardCharsets.UTF_8).contains(marker);
            }
        } catch (IOException e) {
            return false;
        }
        return handle.info().commandLine().map(line -> line.contains(marker)).orElse(true);
    }

    private static boolean isOurChild(ProcessHandle handle) {
        return handle.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false);
    }

    /** Starts {@code command} with {@code env} added, output appended to the log (the last one kept as .1). */
    public ProcessHandle start(List<String> command, Map<String, String> env) throws IOException {
        Files.createDirectories(pidFile.toAbsolutePath().getParent());
        Files.createDirectories(log.toAbsolutePath().getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(detached(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        Files.writeString(pidFile, process.pid() + "\n");
        return process.toHandle();
    }

    /** With {@code setsid} (Linux), the process gets a session of its own; {@code setsid} execs it (same pid). */
    private static List<String> detached(List<String> command) {
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of("/usr/bin/setsid"), command.stream()).toList();
        }
        return command;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true when something was stopped. */
    public boolean stop(Duration grace) throws InterruptedException {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                // reported by the caller's status check
            }
        }
        deletePidFile();
        return true;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is recognised as such by running()
        }
    }

    /** The last {@code lines} lines of the log, for an error message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
