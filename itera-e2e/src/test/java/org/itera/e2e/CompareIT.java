package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.event.TaskEvent;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code itera compare} as a user runs it, online against a scripted OpenAI mock (chat, Files and
 * fine-tuning jobs): every method on 8 train and 8 test tasks, and the report holds exactly the
 * accuracies {@link CompareScript} gives each method, which only come out if each method ran as its
 * own team on the models it should (base, its own fine-tuned ones, the pooled one, demonstrations).
 */
class CompareIT {

    static final int TASKS = 8;
    static CompareScript script = new CompareScript();
    static WireMockServer llm;
    static IteraCommand itera;

    @BeforeAll
    static void start() throws Exception {
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(script));
        llm.start();
        llm.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"owned_by\":\"system\"}]}")));
        llm.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers(CompareScript.NAME)));
        FineTuningStubs jobs = new FineTuningStubs(llm);
        CompareScript.FINE_TUNED.forEach(jobs::succeeds);
        Difficulty difficulty = Difficulty.parse("d1s1-add");
        script.script(ArithmeticProblems.tasks(difficulty, 1, TASKS, TaskEvent.SPLIT_TRAIN),
                ArithmeticProblems.tasks(difficulty, 2, TASKS, TaskEvent.SPLIT_TEST));
        itera = new IteraCommand("itera-compare-home", Map.ofEntries(Map.entry("OPENAI_BASE_URL", llm.baseUrl() + "/v1"),
                Map.entry("OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY), Map.entry("ITERA_LLM_MODEL", CompareScript.BASE),
                Map.entry("ITERA_FINETUNE_THRESHOLD", "3"), Map.entry("ITERA_FINETUNE_MIN_EXAMPLES", "3"),
                Map.entry("ITERA_FINETUNE_POLL_INITIAL", "200ms"), Map.entry("ITERA_FINETUNE_POLL_MAX", "500ms"),
                Map.entry("ITERA_SERVICE_HEAP_OPTS", "-Xmx256m -XX:+UseSerialGC")));
    }

    @AfterAll
    static void stop() throws Exception {
        itera.run("down");
        llm.stop();
    }

    @Test
    void everyMethodGetsExactlyTheAccuracyItsScriptGives() throws Exception {
        IteraCommand.Result compare = itera.run("compare", "--subject", "arithmetic", "--limit", "8", "--test-limit", "8",
                "--timeout", "240", "--step-timeout", "240");

        assertThat(compare.exit()).as(compare.err()).isZero();
        Path dir = reportDir();
        List<String> csv = Files.readAllLines(dir.resolve("comparison.csv"));
        assertThat(csv.get(0)).isEqualTo("method,correct,n,accuracy,ci_low,ci_high,only_method,only_single,p_vs_single");
        assertThat(csv.subList(1, csv.size()).stream().map(line -> line.split(",")[0]).toList())
                .containsExactly("single", "team", "star", "sirius", "sirius-no-repair", "sirius-shared-model", "library-shots");
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            int right = CompareScript.RIGHT.get(cells[0]);
            assertThat(cells[1] + "/" + cells[2]).as(cells[0]).isEqualTo(right + "/" + TASKS);
            // paired with single task by task: single gets the first task right, so each method is right alone on the rest
            if (!"single".equals(cells[0])) {
                assertThat(cells[6] + "/" + cells[7]).as(cells[0] + " vs single").isEqualTo((right - 1) + "/0");
            }
        }
        String table = Files.readString(dir.resolve("comparison.md"));
        assertThat(compare.out()).contains(table.lines().findFirst().orElseThrow());
        assertThat(table).contains(String.format(Locale.ROOT, "| sirius | %s", "SiriuS"));
        BufferedImage chart = ImageIO.read(dir.resolve("comparison.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(900);
        assertThat(chart.getHeight()).isEqualTo(500);
        assertThat(compare.err()).contains("one fine-tuning round for [arithmetic-star, arithmetic, arithmetic-norepair,"
                + " arithmetic-shared]");
    }

    private static Path reportDir() throws Exception {
        try (Stream<Path> runs = Files.list(itera.home().resolve("runs"))) {
            return runs.filter(p -> p.getFileName().toString().startsWith("compare-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no compare-* directory under " + itera.home().resolve("runs")));
        }
    }
}
