package org.itera.generator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.json.Json;
import org.itera.llm.ModelSelector;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.Poison;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison on {@code model-updates} between two good updates: each poison lands on
 * {@code model-updates-dlq} with a reason that names its problem and swaps no model, both good
 * updates are applied, and the service stays ready. The good updates name the agents' current
 * model, so the other tests of this JVM see no change.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class ModelUpdatePoisonTest {

    static final String CURRENT = "gpt-4o-mini";

    @Inject
    ModelSelector selector;

    TopicWatcher topics;

    @BeforeEach
    void watch() {
        topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "model-updates-dlq");
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheUpdatesAroundItAreApplied() throws Exception {
        assertThat(selector.swappedModels()).doesNotContainKeys("gsm8k-planner", "pubmedqa-analyst");
        String good = update("gsm8k", "planner");
        List<Poison> poison = poison(good);

        topics.send("model-updates", "gsm8k-planner", good);
        topics.send("model-updates", poison);
        topics.send("model-updates", "pubmedqa-analyst", update("pubmedqa", "analyst"));

        topics.awaitDeadLetters("model-updates-dlq", poison, Duration.ofSeconds(60));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> selector.swappedModels().size() >= 2
                && selector.swappedModels().containsKey("pubmedqa-analyst"));
        assertThat(selector.swappedModels()).containsEntry("gsm8k-planner", CURRENT)
                .containsEntry("pubmedqa-analyst", CURRENT).doesNotContainKey("astrology-seer")
                .doesNotContainValue("ft:poison");
        assertThat(topics.records("model-updates-dlq", k -> k.equals("gsm8k-planner") || k.equals("pubmedqa-analyst")))
                .isEmpty();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static String update(String subject, String role) throws Exception {
        return Json.mapper().writeValueAsString(new ModelUpdateEvent(subject + "-" + role, subject, role, CURRENT,
                CURRENT, 1, "ftjob-" + role, 12));
    }

    static List<Poison> poison(String good) {
        String bad = Poison.edit(good, u -> u.put("model", "ft:poison"));
        List<Poison> poison = new ArrayList<>(Poison.common("model update", bad));
        poison.add(Poison.of("round-not-a-number", Poison.edit(bad, u -> u.put("round", "latest")), "field 'round'"));
        poison.add(Poison.of("agent-not-text", Poison.edit(bad, u -> u.putObject("agent").put("subject", "gsm8k")),
                "field 'agent'"));
        poison.add(Poison.of("no-model", Poison.edit(bad, u -> u.remove("model")), "without an agent or a model"));
        poison.add(Poison.of("no-agent", Poison.edit(bad, u -> u.remove("agent")), "without an agent or a model"));
        poison.add(Poison.of("unknown-subject", Poison.edit(bad, u -> u.put("agent", "astrology-seer")),
                "unknown agent 'astrology-seer'"));
        return poison;
    }
}
