package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/** {@code GET /trajectories/{id}/lineage} lists a task's attempts, generated then each repair, in order. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class LineageTest {

    @Test
    void theLineageListsEveryAttemptOfTheTaskAndRoundInOrder() throws Exception {
        String taskId = "pubmedqa/" + UUID.randomUUID();
        TrajectoryEvent generated = Trajectories.pubmedqa(taskId, "train", "yes", "no");
        TrajectoryEvent first = Trajectories.regenerated(generated, "maybe");
        TrajectoryEvent second = Trajectories.regenerated(first, "yes");
        TrajectoryEvent otherRound = Trajectories.pubmedqa(taskId, 1, "train", "yes", "yes");
        file(List.of(second, first), List.of(generated, otherRound));

        for (TrajectoryEvent any : List.of(generated, first, second)) {
            lineage(any.id()).statusCode(200)
                    .body("taskId", equalTo(taskId))
                    .body("round", equalTo(0))
                    .body("attempts", hasSize(3))
                    .body("attempts.attempt", contains(0, 1, 2))
                    .body("attempts.id", contains(generated.id(), first.id(), second.id()))
                    .body("attempts.origin", contains("generated", "regenerated", "regenerated"))
                    .body("attempts.parentId", contains(null, generated.id(), first.id()))
                    .body("attempts.repairedRole", contains(null, "analyst", "analyst"))
                    .body("attempts.correct", contains(false, false, true))
                    .body("attempts.extracted", contains("no", "maybe", "yes"))
                    .body("attempts.repairStatus", contains(null, null, null))
                    .body("attempts.feedback", contains(null, Trajectories.FEEDBACK, Trajectories.FEEDBACK));
        }
        lineage(otherRound.id()).statusCode(200)
                .body("round", equalTo(1))
                .body("attempts.id", contains(otherRound.id()));
    }

    @Test
    void anExhaustedAttemptShowsItsRepairStatus() throws Exception {
        TrajectoryEvent generated = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "no", "yes");
        TrajectoryEvent first = Trajectories.regenerated(generated, "yes");
        TrajectoryEvent second = Trajectories.regenerated(first, "maybe");
        file(List.of(first, second), List.of(generated));

        lineage(second.id()).statusCode(200)
                .body("attempts.attempt", contains(0, 1, 2))
                .body("attempts.repairStatus", contains(null, null, "exhausted"));
    }

    @Test
    void lineageRoutingLeavesThePlainTrajectoryAloneAndUnknownIdsAre404() throws Exception {
        TrajectoryEvent generated = Trajectories.pubmedqa("pubmedqa/" + UUID.randomUUID(), "train", "yes", "no");
        file(List.of(), List.of(generated));

        given().urlEncodingEnabled(false).get("/trajectories/" + encoded(generated.id()))
                .then().statusCode(200).body("_id", equalTo(generated.id())).body("attempts", nullValue())
                .body("turns[0].role", equalTo("analyst"));
        lineage("pubmedqa/nothing-here@r0#0").statusCode(404).body("error", containsString("pubmedqa/nothing-here@r0#0"));
        given().get("/trajectories/nothing-here/lineage").then().statusCode(404)
                .body("error", equalTo("no trajectory with id nothing-here"));
    }

    private static ValidatableResponse lineage(String id) {
        return given().urlEncodingEnabled(false).get("/trajectories/" + encoded(id) + "/lineage").then();
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** Sends repairs on {@code regenerated} and generated ones on {@code trajectories}, and waits until all are filed. */
    private static void file(List<TrajectoryEvent> repairs, List<TrajectoryEvent> generated) throws Exception {
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers());
                MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            for (TrajectoryEvent trajectory : repairs) {
                topics.send("regenerated", trajectory.task().id(), Json.mapper().writeValueAsString(trajectory));
            }
            for (TrajectoryEvent trajectory : generated) {
                topics.send("trajectories", trajectory.task().id(), Json.mapper().writeValueAsString(trajectory));
            }
            MongoCollection<Document> trajectories = mongo.getDatabase("itera").getCollection("trajectories");
            List<String> ids = Stream.concat(repairs.stream(), generated.stream())
                    .map(TrajectoryEvent::id).toList();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> trajectories.countDocuments(
                    Filters.and(Filters.in("_id", ids), Filters.eq("published", true))) == ids.size());
        }
    }
}
