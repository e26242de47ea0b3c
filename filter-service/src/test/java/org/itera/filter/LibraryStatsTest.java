package org.itera.filter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.Test;

/** {@code GET /library/stats} counts what was filed, by subject, outcome, origin and role. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
class LibraryStatsTest {

    @Test
    void countsGrowByExactlyWhatWasFiled() throws Exception {
        JsonPath before = stats();
        String ok = "pubmedqa/" + UUID.randomUUID();
        String bad = "pubmedqa/" + UUID.randomUUID();
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers());
                MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            topics.send("trajectories", ok, Json.mapper().writeValueAsString(Trajectories.pubmedqa(ok, "train", "yes", "yes")));
            topics.send("trajectories", bad, Json.mapper().writeValueAsString(Trajectories.pubmedqa(bad, "train", "maybe", "no")));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getDatabase("itera")
                    .getCollection("trajectories").countDocuments(Filters.and(
                            Filters.in("taskId", ok, bad), Filters.eq("published", true))) == 2);
        }
        JsonPath after = stats();

        assertThat(count(after, "trajectories.total") - count(before, "trajectories.total")).isEqualTo(2);
        assertThat(count(after, "trajectories.bySubject.pubmedqa.success") - count(before, "trajectories.bySubject.pubmedqa.success")).isEqualTo(1);
        assertThat(count(after, "trajectories.bySubject.pubmedqa.failure") - count(before, "trajectories.bySubject.pubmedqa.failure")).isEqualTo(1);
        assertThat(count(after, "experience.total") - count(before, "experience.total")).isEqualTo(2);
        assertThat(count(after, "experience.byRole.pubmedqa.analyst") - count(before, "experience.byRole.pubmedqa.analyst")).isEqualTo(1);
        assertThat(count(after, "experience.byOrigin.generated") - count(before, "experience.byOrigin.generated")).isEqualTo(2);
    }

    private static JsonPath stats() {
        return given().get("/library/stats").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath json, String path) {
        Number value = json.get(path);
        return value == null ? 0 : value.longValue();
    }
}
