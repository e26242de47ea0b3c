package org.itera.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.itera.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of model-server during a fine-tuning job (issue 15). The packaged model-server serves the
 * local model (its llama.cpp engine a child process) and trains with model-server's fake trainer
 * script (the trainer's contract, no torch), whose first run of the job is a long silent phase like
 * the real trainer loading or exporting a large model. The server is killed while that trainer runs:
 * the trainer and the engine must end with it (no orphan left holding the CPU or the job's files);
 * a new server process redoes the job, whose model is then served, and a new job works too.
 */
class ModelServerCrashIT {

    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");
    static final List<ServiceProcess> services = new ArrayList<>();
    /** The killed server's children: ended after the test if the test failed because they were not. */
    static final List<ProcessHandle> children = new ArrayList<>();
    static final Path DIR = Path.of("target", "model-server-crash", UUID.randomUUID().toString()).toAbsolutePath();

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aJobCutByKillMinus9IsRedoneByTheNextProcessAndNoChildOutlivesTheKilledOne() throws Exception {
        ServiceProcess first = modelServer();
        FineTuningApi api = new FineTuningApi(first);
        String job = api.create(api.upload(trainingFile("FAKE_QUIET_ONCE")), "crash");
        api.await(job, Set.of("running"), Duration.ofSeconds(60));
        Path pidFile = DIR.resolve("runs").resolve(job + ".pid");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile)
                && !Files.readString(pidFile).isBlank());
        long trainer = Long.parseLong(Files.readString(pidFile).strip());
        children.addAll(first.handle().descendants().toList());
        assertThat(children).extracting(ProcessHandle::pid).as("model-server's processes").contains(trainer);
        assertThat(children).as("an engine besides the trainer").anyMatch(p -> commandOf(p).contains("llama-server"));

        Instant killed = Instant.now();
        first.kill();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> children.stream().noneMatch(ModelServerCrashIT::running));
        Duration orphansGone = Duration.between(killed, Instant.now());
        assertThat(Json.mapper().readTree(DIR.resolve("data/jobs/" + job + ".json").toFile()).at("/job/status").asText())
                .as("the job as the killed server left it").isEqualTo("running");

        Instant restarted = Instant.now();
        ServiceProcess second = modelServer();
        api = new FineTuningApi(second);
        Duration ready = Duration.between(restarted, Instant.now());
        JsonNode redone = api.await(job, FINAL, Duration.ofSeconds(60));
        Duration redoneIn = Duration.between(restarted, Instant.now());
        assertThat(redone.get("status").asText()).as("job after the restart: %s", redone).isEqualTo("succeeded");
        assertThat(api.events(job)).containsSubsequence("Fine-tuning job started",
                "The server restarted while the job was running; the job is queued again", "Fine-tuning job started",
                "The job has successfully completed");
        assertThat(Long.parseLong(Files.readString(pidFile).strip())).as("the trainer of the redone job")
                .isNotEqualTo(trainer);
        String model = redone.get("fine_tuned_model").asText();
        assertThat(api.models()).contains(model);
        assertThat(api.chat(model, "What is 2 + 2?").at("/choices/0/message/content").isTextual()).isTrue();

        Instant next = Instant.now();
        String after = api.create(api.upload(trainingFile("")), "after");
        assertThat(api.await(after, FINAL, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("succeeded");
        Duration nextJob = Duration.between(next, Instant.now());
        try (var work = Files.list(DIR.resolve("data").resolve("work"))) {
            assertThat(work.toList()).as("trainer work directories left").isEmpty();
        }
        System.out.printf("model-server kill -9 during a job: its %d child processes (engine, trainer) gone %d ms after"
                        + " the kill; new process ready in %d ms, the job redone and succeeded %d ms after its start;"
                        + " a new job took %d ms; jobs lost 0, stuck 0%n", children.size(), orphansGone.toMillis(),
                ready.toMillis(), redoneIn.toMillis(), nextJob.toMillis());
    }

    private static ServiceProcess modelServer() throws Exception {
        Path fake = Path.of(System.getProperty("itera.repo.dir", ".."))
                .resolve("model-server/src/test/resources/fake-trainer.sh").toAbsolutePath();
        Files.createDirectories(DIR.resolve("runs"));
        ServiceProcess server = ServiceProcess.start("model-server", Map.of("ITERA_MODELS_DIR", LocalModel.dir().toString(),
                "ITERA_MODEL_SERVER_DATA", DIR.resolve("data").toString(), "ITERA_MODEL_PARALLEL", "1",
                "ITERA_MODEL_CTX", "1024",
                "ITERA_MODEL_SERVER_TRAINER_COMMAND", "bash," + fake + "," + DIR.resolve("runs")));
        services.add(server);
        return server.awaitReady(Duration.ofSeconds(120));
    }

    /** Three arithmetic examples, {@code marker} (for the fake trainer) in the first question. */
    private static String trainingFile(String marker) {
        return java.util.stream.IntStream.rangeClosed(1, 3).mapToObj(i -> String.format(
                "{\"messages\": [{\"role\": \"user\", \"content\": \"%sWhat is %d + %d?\"}, "
                        + "{\"role\": \"assistant\", \"content\": \"Answer: %d\"}]}",
                i == 1 && !marker.isEmpty() ? marker + " " : "", i, i, 2 * i)).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Alive and not a zombie (a child of a killed process may wait, dead, for an init that does not reap it). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc")); // without /proc, isAlive has the last word
        }
    }

    private static String commandOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().orElse("") + " " + String.join(" ", info.arguments().orElse(new String[0]));
    }
}
