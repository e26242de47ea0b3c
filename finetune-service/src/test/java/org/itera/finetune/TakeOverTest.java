package org.itera.finetune;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.testing.MongoServerResource;
import org.junit.jupiter.api.Test;

/**
 * Two instances, one round: while the other instance holds the round lease, this one neither
 * resumes the round it left running nor starts one; once the other dies (stops renewing) and its
 * lease lapses, this one takes the lease and finishes the round, following the job the other
 * created (none is created anew); a round asked for meanwhile is refused, before the lapse and
 * after it, until round 1 is done (a new round would train the same examples again).
 */
@QuarkusTest
@TestProfile(TakeOverProfile.class)
class TakeOverTest {

    @Test
    void aRoundLeftRunningIsTakenOverOnlyOnceTheHoldersLeaseLapses() throws Exception {
        try (MongoClient mongo = MongoClients.create(MongoServerResource.connectionString())) {
            MongoDatabase db = mongo.getDatabase(TakeOverFixture.DATABASE);

            given().post("/rounds").then().statusCode(409)
                    .body(containsString("another finetune-service instance"), containsString(TakeOverFixture.OTHER));
            Thread.sleep(TakeOverFixture.TTL.multipliedBy(2).toMillis());
            assertThat(round(db).getString("status")).isEqualTo("running");
            assertThat(jobPolls()).as("the other instance's job is not followed from here").isZero();
            assertThat(lease(db).getString("holder")).isEqualTo(TakeOverFixture.OTHER);

            TakeOverFixture.otherInstanceDies();
            long died = System.nanoTime();
            List<String> refusals = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (done(db)) {
                    return true;
                }
                // a client asking for a round all along: before, and right after, the lease lapses
                Response reply = given().post("/rounds");
                if (!done(db)) {
                    assertThat(reply.statusCode()).as("POST /rounds while round 1 is unfinished: %s", reply.asString())
                            .isEqualTo(409);
                    refusals.add(reply.asString());
                }
                return false;
            });

            assertThat(Duration.ofNanos(System.nanoTime() - died)).isGreaterThan(TakeOverFixture.TTL.dividedBy(2));
            assertThat(round(db).getList("trained", String.class)).containsExactly("gsm8k-checker", "gsm8k-planner");
            assertThat(jobPolls()).isPositive();
            assertThat(db.getCollection("finetune_rounds").countDocuments(new Document("agents", "gsm8k-planner")))
                    .as("rounds training the planner").isEqualTo(1);
            assertThat(ResumeFixture.server().findAll(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs"))
                    .withRequestBody(containing("gsm8k-planner")))).as("planner jobs created anew").isEmpty();
            assertThat(refusals).isNotEmpty();
            Document lease = lease(db);
            assertThat(lease.getString("holder")).isNotEqualTo(TakeOverFixture.OTHER);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> lease(db).getDate("expiresAt").getTime() <= System.currentTimeMillis());
        }
    }

    private static boolean done(MongoDatabase db) {
        return "done".equals(round(db).getString("status"));
    }

    private static Document round(MongoDatabase db) {
        return db.getCollection("finetune_rounds").find(new Document("_id", 1)).first();
    }

    private static Document lease(MongoDatabase db) {
        return db.getCollection("finetune_leases").find(new Document("_id", "finetune-rounds")).first();
    }

    private static int jobPolls() {
        return ResumeFixture.server().findAll(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/" + ResumeFixture.PLANNER_JOB)))
                .size();
    }
}
