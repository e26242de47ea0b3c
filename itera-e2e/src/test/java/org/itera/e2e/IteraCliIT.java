package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.LocalStack;
import org.itera.cli.stack.Readiness;
import org.itera.cli.stack.StackConfig;
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.event.TaskEvent;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code itera} command as a user runs it, each call its own process: {@code itera up} starts
 * the local broker, store and services (on free ports, in a home under target/), {@code itera run}
 * pushes four seeded arithmetic tasks to a scripted OpenAI endpoint (WireMock: two answered right,
 * two wrong) and prints the run's summary, {@code itera down} stops everything, and nothing it
 * started is left running.
 */
class IteraCliIT {

    static WireMockServer llm;
    static IteraCommand itera;

    @BeforeAll
    static void start() throws IOException {
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        llm.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"owned_by\":\"system\"}]}")));
        List<TaskEvent> tasks = ArithmeticProblems.tasks(Difficulty.parse("d1s1-add"), 1, 4, TaskEvent.SPLIT_TRAIN);
        for (int i = 0; i < tasks.size(); i++) {
            long answer = Long.parseLong(tasks.get(i).answer()) + (i < 2 ? 0 : 1);
            llm.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).withRequestBody(containing(tasks.get(i).question()))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(OpenAiMock.completionJson("gpt-4o-mini", "Adding them up.\nAnswer: " + answer, 180, 12))));
        }
        itera = new IteraCommand("itera-cli-home", Map.of("OPENAI_BASE_URL", llm.baseUrl() + "/v1",
                "OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY, "ITERA_REPAIR_MAX_ATTEMPTS", "0",
                "ITERA_SERVICE_HEAP_OPTS", "-Xmx384m"));
    }

    @AfterAll
    static void stop() throws Exception {
        itera.run("down");
        llm.stop();
    }

    @Test
    void upRunDownLeavesNothingRunning() throws Exception {
        IteraCommand.Result up = itera.run("up");
        assertThat(up.exit()).as(up.err()).isZero();
        LocalStack stack = itera.stack();
        List<Long> pids = new ArrayList<>();
        for (Component component : List.of(Component.KAFKA, Component.MONGO, Component.FEEDBACK, Component.GENERATOR,
                Component.FILTER)) {
            pids.add(stack.files(component).running().orElseThrow(() -> new AssertionError(component + " not running")).pid());
        }
        assertThat(stack.running(Component.MODEL_SERVER)).as("online: no local model").isFalse();

        IteraCommand.Result run = itera.run("run", "--subject", "arithmetic", "--limit", "4", "--timeout", "300");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Run summary: 4 of 4 tasks done")
                .containsPattern("train\\s+4\\s+2\\s+50\\.0%")
                .contains("added by origin: generated +4 (first attempts)");
        assertThat(run.err()).contains("already running").doesNotContain("stopping what this run started");
        Path runs = itera.home().resolve("runs");
        try (var dirs = Files.list(runs)) {
            Path dir = dirs.findFirst().orElseThrow();
            assertThat(Files.readString(dir.resolve("summary.txt"))).contains("Run summary: 4 of 4 tasks done");
            assertThat(Files.readString(dir.resolve("run-id")).strip()).startsWith("run-");
        }
        assertThat(itera.run("status").exit()).isZero();

        IteraCommand.Result down = itera.run("down");

        assertThat(down.exit()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d still alive", pid).isFalse();
        }
        for (Component component : Component.values()) {
            assertThat(Readiness.portOpen(StackConfig.HOST, component.port(itera.env()))).as(component + "'s port").isFalse();
        }
        assertThat(itera.run("status").exit()).isEqualTo(5);
    }
}
