package org.itera.modelserver.finetune;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

/** The Files and fine-tuning calls the tests make, over real HTTP. */
final class FineTuneApi {

    static final String BASE = "smollm2-135m";

    private FineTuneApi() {
    }

    static Response upload(String jsonl, String filename, String purpose) {
        return given().multiPart("purpose", purpose)
                .multiPart("file", filename, jsonl.getBytes(StandardCharsets.UTF_8), "application/jsonl")
                .when().post("/v1/files");
    }

    static String uploadOk(String jsonl) {
        return upload(jsonl, "train.jsonl", "fine-tune").then().statusCode(200).extract().path("id");
    }

    static Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/fine_tuning/jobs");
    }

    static String createOk(String fileId, String model, String suffix) {
        return create("""
                {"training_file": "%s", "model": "%s", "suffix": "%s", "hyperparameters": {"n_epochs": 2}}
                """.formatted(fileId, model, suffix)).then().statusCode(200).extract().path("id");
    }

    static JsonPath job(String id) {
        return given().when().get("/v1/fine_tuning/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath events(String id) {
        return given().when().get("/v1/fine_tuning/jobs/" + id + "/events?limit=1000")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls the job until its status is one of {@code wanted}; fails after {@code timeout}. */
    static JsonPath await(String id, Set<String> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath job = job(id);
        while (!wanted.contains(job.getString("status"))) {
            if (Instant.now().isAfter(deadline)) {
                fail("job " + id + " is still " + job.getString("status") + " after " + timeout + ": " + job.prettify());
            }
            sleep(200);
            job = job(id);
        }
        return job;
    }

    static JsonPath awaitFinished(String id, Duration timeout) {
        return await(id, Set.of("succeeded", "failed", "cancelled"), timeout);
    }

    static Response chat(String model, String question, int maxTokens) {
        return given().contentType(ContentType.JSON).body("""
                {"model": "%s", "messages": [{"role": "user", "content": "%s"}],
                 "max_tokens": %d, "temperature": 0, "seed": 7}
                """.formatted(model, question, maxTokens)).when().post("/v1/chat/completions");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
