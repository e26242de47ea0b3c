package org.itera.modelserver.finetune;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What a previous run left in the data directory is there after a restart; unfinished jobs run again. */
@QuarkusTest
@TestProfile(RestartProfile.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class RestartTest {

    @Test
    void filesAndFinishedJobsSurviveAndTheirModelIsServed() {
        assertThat(given().get("/v1/files").then().statusCode(200).extract().jsonPath()
                .getList("data.id", String.class)).contains(RestartProfile.FILE);
        assertThat(given().get("/v1/files/" + RestartProfile.FILE + "/content").then().statusCode(200)
                .extract().asString()).isEqualTo(RestartProfile.CONTENT);

        JsonPath succeeded = FineTuneApi.job(RestartProfile.SUCCEEDED);
        assertThat(succeeded.getString("status")).isEqualTo("succeeded");
        assertThat(succeeded.getString("fine_tuned_model")).isEqualTo(RestartProfile.MODEL);
        assertThat(given().get("/v1/models").then().extract().jsonPath().getList("data.id", String.class))
                .contains(RestartProfile.MODEL);
        FineTuneApi.chat(RestartProfile.MODEL, "What is 1 + 1?", 4).then().statusCode(200);

        assertThat(FineTuneApi.job(RestartProfile.CANCELLED).getString("status")).isEqualTo("cancelled");
        assertThat(given().get("/v1/fine_tuning/jobs?limit=100").then().extract().jsonPath()
                .getList("data.id", String.class)).containsSubsequence(RestartProfile.CANCELLED,
                RestartProfile.QUEUED, RestartProfile.RUNNING, RestartProfile.SUCCEEDED);
    }

    @Test
    void unfinishedJobsAreQueuedAgainAndRun() {
        JsonPath running = FineTuneApi.awaitFinished(RestartProfile.RUNNING, Duration.ofMinutes(3));
        JsonPath queued = FineTuneApi.awaitFinished(RestartProfile.QUEUED, Duration.ofMinutes(3));

        assertThat(running.getString("status")).isEqualTo("succeeded");
        assertThat(queued.getString("status")).isEqualTo("succeeded");
        List<String> messages = FineTuneApi.events(RestartProfile.RUNNING).getList("data.message", String.class);
        assertThat(messages).contains("The server restarted while the job was running; the job is queued again",
                "Step 1/9: training loss=2.0000", "The job has successfully completed");
        assertThat(FineTuneApi.events(RestartProfile.QUEUED).getList("data.message", String.class))
                .contains("The server restarted while the job was queued; the job is queued again");
        FineTuneApi.chat(running.getString("fine_tuned_model"), "What is 2 + 2?", 4).then().statusCode(200);
    }
}
