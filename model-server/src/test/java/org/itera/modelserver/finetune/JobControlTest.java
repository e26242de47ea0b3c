package org.itera.modelserver.finetune;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Cancelling, queueing behind the single trainer, listing, paging and refused requests. */
@QuarkusTest
@TestProfile(FakeTrainerProfile.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class JobControlTest {

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void cancellingStopsTheTrainerAndAQueuedJobWaitsForTheSingleWorker() throws IOException {
        String slowFile = FineTuneApi.uploadOk(TrainingData.arithmetic(4, "FAKE_SLOW"));
        String slow = FineTuneApi.createOk(slowFile, "smollm2-135m", "slow");
        FineTuneApi.await(slow, Set.of("running"), TIMEOUT);
        long pid = awaitTrainerStep(slow);

        String quickFile = FineTuneApi.uploadOk(TrainingData.arithmetic(2, ""));
        String waiting = FineTuneApi.createOk(quickFile, "smollm2-135m", "waiting");
        FineTuneApi.await(waiting, Set.of("queued"), TIMEOUT);
        FineTuneApi.sleep(500);
        assertThat(FineTuneApi.job(waiting).getString("status")).isEqualTo("queued");
        given().post("/v1/fine_tuning/jobs/" + waiting + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));

        JsonPath cancelled = given().post("/v1/fine_tuning/jobs/" + slow + "/cancel").then().statusCode(200)
                .extract().jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getString("fine_tuned_model")).isNull();
        awaitGone(pid);
        assertThat(FineTuneApi.events(slow).getList("data.message", String.class))
                .contains("Fine-tuning job cancelled");

        // the worker is free again, and the cancelled jobs stay cancelled
        String after = FineTuneApi.createOk(quickFile, "smollm2-135m", "after");
        assertThat(FineTuneApi.awaitFinished(after, TIMEOUT).getString("status")).isEqualTo("succeeded");
        assertThat(FineTuneApi.job(slow).getString("status")).isEqualTo("cancelled");
        assertThat(FineTuneApi.job(waiting).getString("status")).isEqualTo("cancelled");
        assertThat(FakeTrainerProfile.RUN_DIR.resolve(waiting + ".pid")).doesNotExist();
        given().post("/v1/fine_tuning/jobs/" + after + "/cancel").then().statusCode(400)
                .body("error.message", containsString("already finished"));
    }

    @Test
    void jobsAndEventsArePagedNewestFirst() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(2, ""));
        String a = FineTuneApi.createOk(file, "no-such-model", "a");
        String b = FineTuneApi.createOk(file, "no-such-model", "b");
        String c = FineTuneApi.createOk(file, "no-such-model", "c");
        FineTuneApi.awaitFinished(c, TIMEOUT);

        JsonPath page = given().get("/v1/fine_tuning/jobs?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("object")).isEqualTo("list");
        assertThat(page.getList("data.id", String.class)).containsExactly(c, b);
        assertThat(page.getBoolean("has_more")).isTrue();
        JsonPath next = given().get("/v1/fine_tuning/jobs?limit=1&after=" + b).then().statusCode(200)
                .extract().jsonPath();
        assertThat(next.getList("data.id", String.class)).containsExactly(a);

        JsonPath events = given().get("/v1/fine_tuning/jobs/" + c + "/events?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("data")).hasSize(2);
        assertThat(events.getBoolean("has_more")).isTrue();
        List<String> all = FineTuneApi.events(c).getList("data.id", String.class);
        JsonPath rest = given().get("/v1/fine_tuning/jobs/" + c + "/events?after=" + all.get(1)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(rest.getList("data.id", String.class)).isEqualTo(all.subList(2, all.size()));
        assertThat(rest.getBoolean("has_more")).isFalse();
    }

    @Test
    void badCreateRequestsAre400AndUnknownJobs404() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(1, ""));
        FineTuneApi.create("{\"training_file\": \"file-nope\", \"model\": \"smollm2-135m\"}").then().statusCode(400)
                .body("error.param", equalTo("training_file"))
                .body("error.message", containsString("file-nope"));
        FineTuneApi.create("{\"training_file\": \"" + file + "\"}").then().statusCode(400)
                .body("error.param", equalTo("model"));
        FineTuneApi.create("{\"training_file\": \"" + file + "\", \"model\": \"smollm2-135m\", "
                + "\"hyperparameters\": {\"n_epochs\": 0}}").then().statusCode(400)
                .body("error.param", equalTo("hyperparameters.n_epochs"));
        FineTuneApi.create("{\"training_file\": \"" + file + "\", \"model\": \"smollm2-135m\", "
                + "\"suffix\": \"no:colons\"}").then().statusCode(400).body("error.param", equalTo("suffix"));
        FineTuneApi.create("{\"training_file\": \"" + file + "\", \"model\": \"smollm2-135m\", "
                + "\"method\": {\"type\": \"dpo\"}}").then().statusCode(400).body("error.param", equalTo("method.type"));
        FineTuneApi.create("not json").then().statusCode(400).body("error.type", equalTo("invalid_request_error"));

        given().get("/v1/fine_tuning/jobs/ftjob-nope").then().statusCode(404);
        given().get("/v1/fine_tuning/jobs/ftjob-nope/events").then().statusCode(404);
        given().post("/v1/fine_tuning/jobs/ftjob-nope/cancel").then().statusCode(404);
    }

    @Test
    void methodHyperparametersAreTakenLikeTheTopLevelOnes() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(1, ""));
        JsonPath job = FineTuneApi.create("""
                {"training_file": "%s", "model": "no-such-model", "method": {"type": "supervised",
                 "supervised": {"hyperparameters": {"n_epochs": 5, "batch_size": 2, "learning_rate_multiplier": 2}}}}
                """.formatted(file)).then().statusCode(200).extract().jsonPath();
        assertThat(job.getInt("hyperparameters.n_epochs")).isEqualTo(5);
        assertThat(job.getInt("hyperparameters.batch_size")).isEqualTo(2);
        assertThat(job.getDouble("hyperparameters.learning_rate_multiplier")).isEqualTo(2.0);
        assertThat(job.getString("suffix")).isNull();
    }

    /** Waits until the fake trainer of a job has reported a step; returns its pid. */
    private static long awaitTrainerStep(String job) throws IOException {
        Path pidFile = FakeTrainerProfile.RUN_DIR.resolve(job + ".pid");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!Files.exists(pidFile) || !FineTuneApi.events(job).getList("data.type", String.class)
                .contains("metrics")) {
            if (Instant.now().isAfter(deadline)) {
                fail("the trainer of " + job + " reported no step");
            }
            FineTuneApi.sleep(200);
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    private static void awaitGone(long pid) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (Instant.now().isAfter(deadline)) {
                fail("trainer process " + pid + " is still alive after the cancel");
            }
            FineTuneApi.sleep(100);
        }
    }
}
