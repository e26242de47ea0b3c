package org.itera.finetune;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.json.Json;

/** What the tests ask the service, its store and the mock API about rounds and jobs. */
final class Api {

    private Api() {
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number the next round will get (rounds start only on request in the profiles using this). */
    static int nextRound() {
        return json(given().get("/rounds").then().statusCode(200).extract().asString()).size() + 1;
    }

    /** Starts a round, checks it got {@code round} and includes {@code agents}. */
    static void startRound(int round, String... agents) {
        JsonNode started = json(given().post("/rounds").then().statusCode(200).extract().asString());
        assertThat(started.get("round").asInt()).isEqualTo(round);
        assertThat(started.get("agents")).extracting(JsonNode::asText).contains(agents);
    }

    static void awaitUntrained(MongoDatabase db, String agent, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.getCollection("finetune_examples").countDocuments(new Document("agent", agent)
                        .append("trainedInRound", null)) == count);
    }

    /** Waits for the agent's job of the round to end and returns its record. */
    static Document awaitJob(MongoDatabase db, String agent, int round) {
        Document finished = new Document("_id", agent + "@r" + round).append("finishedAt", new Document("$ne", null));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.getCollection("finetune_jobs").countDocuments(finished) == 1);
        return db.getCollection("finetune_jobs").find(new Document("_id", agent + "@r" + round)).first();
    }

    /** The uploads of the training file {@code <suffix>.jsonl}. */
    static List<LoggedRequest> uploads(WireMockServer server, String suffix) {
        return server.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/files"))
                .withRequestBody(WireMock.containing("filename=\"" + suffix + ".jsonl\"")));
    }

    /** The job creations with {@code suffix}. */
    static List<LoggedRequest> creations(WireMockServer server, String suffix) {
        return server.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(WireMock.matchingJsonPath("$.suffix", WireMock.equalTo(suffix))));
    }

    /** The lines of an upload's training file. */
    static List<String> lines(LoggedRequest upload) {
        return upload.getPart("file").getBody().asString().lines().toList();
    }
}
