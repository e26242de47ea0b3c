package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.cli.stack.ConsumerLag;
import org.itera.testing.OpenAiMock;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Team variants through generator, filter and feedback services (separate processes, a real broker
 * and store): STaR's single solver (pubmedqa-star) answers in one call, is wrong, is rationalized
 * with the correct answer as a hint and enters the library WITHOUT the hint; the no-repair
 * ablation (pubmedqa-norepair) runs the whole team and its failure is never sent for repair.
 */
class VariantsIT {

    static final String HINT = "Hint: the correct answer is ";

    static ServiceStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ServiceStack.start(Infra.inJvm(), Map.of("ITERA_REPAIR_MAX_ATTEMPTS", "2"), Duration.ofSeconds(120),
                "generator-service", "filter-service", "feedback-service");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static ObjectNode as(String subject, ObjectNode row) {
        return row.put("id", subject + ":" + row.get("id").asText()).put("subject", subject);
    }

    @Test
    void starIsRationalizedWithoutItsHintAndTheAblationIsNeverRepaired() throws Exception {
        List<ObjectNode> rows = PubMedQaTasks.rows(60, 2);
        ObjectNode star = as("pubmedqa-star", rows.get(0));
        ObjectNode ablation = as("pubmedqa-norepair", rows.get(1));
        script(star, ablation);
        String s = star.get("id").asText();
        String a = ablation.get("id").asText();
        MongoDatabase db = stack.db();
        try (TopicWatcher topics = TopicWatcher.watch(stack.kafka(), "failures", "regenerated")) {
            topics.send("tasks", s, star.toString());
            topics.send("tasks", a, ablation.toString());
            awaitFiled(db, s + "@r0#1");
            awaitFiled(db, a + "@r0#0");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    ConsumerLag.of(stack.kafka(), "feedback-service", "failures") == 0
                            && ConsumerLag.of(stack.kafka(), "filter-service", "trajectories") == 0);
            assertThat(topics.records("failures", a::equals)).isEmpty();
            assertThat(topics.records("failures", s::equals)).hasSize(1);
        }
        assertThat(ids(db, "trajectories", s)).containsExactlyInAnyOrder(s + "@r0#0", s + "@r0#1");
        assertThat(ids(db, "trajectories", a)).containsExactly(a + "@r0#0");
        assertThat(db.getCollection("experience").countDocuments(new Document("subject", "pubmedqa-norepair")))
                .isZero();
        assertThat(db.getCollection("experience").countDocuments(new Document("subject", "pubmedqa-star")))
                .isEqualTo(1);

        Document example = db.getCollection("experience").find(new Document("_id", s + "@r0#1/solver")).first();
        assertThat(example.getString("agent")).isEqualTo("pubmedqa-star-solver");
        assertThat(example.getString("origin")).isEqualTo("regenerated");
        List<Document> messages = example.getList("messages", Document.class);
        Document first = db.getCollection("trajectories").find(new Document("_id", s + "@r0#0")).first();
        String originalRequest = first.getList("turns", Document.class).get(0).getList("messages", Document.class)
                .get(1).getString("content");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).getString("content")).isEqualTo(originalRequest).doesNotContain(HINT);
        assertThat(messages.get(2).getString("content")).endsWith("Answer: " + star.get("answer").asText());

        String question = star.get("question").asText();
        stack.llm().verify(2, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH)).withRequestBody(containing(question)));
        stack.llm().verify(1, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(question)).withRequestBody(containing(HINT)));
        stack.llm().verify(0, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing("You review the work of a team")));
        stack.llm().verify(2, postRequestedFor(urlEqualTo(OpenAiMock.CHAT_PATH))
                .withRequestBody(containing(ablation.get("question").asText())));
    }

    /** The star solver is right only when given the hint; the ablation's team is always wrong. */
    private static void script(ObjectNode star, ObjectNode ablation) {
        OpenAiMock mock = new OpenAiMock(stack.llm());
        mock.replyByDefault("gpt-4o-mini", "The abstract reports a measured effect.");
        String expected = star.get("answer").asText();
        reply(star, HINT + expected, expected, 1);
        reply(star, null, PubMedQaTasks.wrongAnswer(expected), 2);
        reply(ablation, null, PubMedQaTasks.wrongAnswer(ablation.get("answer").asText()), 2);
    }

    private static void reply(ObjectNode task, String whenSeen, String answer, int priority) {
        var request = post(urlEqualTo(OpenAiMock.CHAT_PATH)).atPriority(priority)
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(task.get("question").asText())));
        if (whenSeen != null) {
            request = request.withRequestBody(containing(whenSeen));
        }
        stack.llm().stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiMock.completionJson("gpt-4o-mini", "Weighing it up.\nAnswer: " + answer, 300, 20))));
    }

    private static List<String> ids(MongoDatabase db, String collection, String taskId) {
        return db.getCollection(collection).find(new Document("taskId", taskId)).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    private static void awaitFiled(MongoDatabase db, String trajectoryId) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> db
                .getCollection("trajectories").countDocuments(new Document("_id", trajectoryId).append("published", true))
                == 1);
    }
}
