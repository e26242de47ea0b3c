package org.itera.modelserver.finetune;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.itera.modelserver.llama.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The job lifecycle with the fake trainer: success, events, serving the new model, failures. */
@QuarkusTest
@TestProfile(FakeTrainerProfile.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class FineTuningJobsTest {

    static final Duration TIMEOUT = Duration.ofMinutes(3);
    static final String BASE_ID = SmolLm2ModelResource.MODEL_ID;

    @Test
    void aJobRunsToSucceededAndItsModelIsServed() throws IOException {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(6, ""));
        JsonPath created = FineTuneApi.create("""
                {"training_file": "%s", "model": "smollm2-135m", "suffix": "calc", "seed": 11,
                 "hyperparameters": {"n_epochs": 2, "learning_rate_multiplier": 0.5, "batch_size": "auto"}}
                """.formatted(file)).then().statusCode(200).extract().jsonPath();
        String id = created.getString("id");
        assertThat(id).startsWith("ftjob-");
        assertThat(created.getString("object")).isEqualTo("fine_tuning.job");
        assertThat(created.getString("status")).isEqualTo("validating_files");
        assertThat(created.getString("training_file")).isEqualTo(file);
        assertThat(created.getString("fine_tuned_model")).isNull();
        assertThat(created.getString("finished_at")).isNull();
        assertThat(created.getString("validation_file")).isNull();
        assertThat(created.getMap("error")).isNull();
        assertThat(created.getList("result_files")).isEmpty();
        assertThat(created.getInt("hyperparameters.n_epochs")).isEqualTo(2);
        assertThat(created.getInt("hyperparameters.batch_size")).isEqualTo(4);
        assertThat(created.getDouble("hyperparameters.learning_rate_multiplier")).isEqualTo(0.5);
        assertThat(created.getInt("seed")).isEqualTo(11);
        assertThat(created.getString("suffix")).isEqualTo("calc");
        assertThat(created.getString("method.type")).isEqualTo("supervised");

        JsonPath done = FineTuneApi.awaitFinished(id, TIMEOUT);
        assertThat(done.getString("status")).isEqualTo("succeeded");
        String model = done.getString("fine_tuned_model");
        assertThat(model).isEqualTo("ft:" + BASE_ID + ":itera:calc:" + id.substring(id.length() - 8));
        assertThat(done.getString("model")).isEqualTo(BASE_ID);
        assertThat(done.getLong("trained_tokens")).isPositive();
        assertThat(done.getLong("finished_at")).isGreaterThanOrEqualTo(done.getLong("created_at"));
        assertThat(done.getMap("error")).isNull();

        List<String> args = Files.readAllLines(FakeTrainerProfile.RUN_DIR.resolve(id + ".args"));
        assertThat(String.join(" ", args)).contains("--epochs 2", "--learning-rate 0.000100000", "--batch-size 4",
                "--seed 11", "--outtype q8_0", "--threads 2");

        List<Map<String, Object>> events = oldestFirst(FineTuneApi.events(id));
        assertThat(events).allSatisfy(e -> assertThat(e.get("object")).isEqualTo("fine_tuning.job.event"));
        List<String> messages = events.stream().map(e -> (String) e.get("message")).toList();
        assertThat(messages.get(0)).startsWith("Created fine-tuning job");
        assertThat(messages).containsSubsequence("Validating training file: " + file,
                "Files validated, moving job to queued state", "Fine-tuning job started",
                "Exporting the fine-tuned model to GGUF", "New fine-tuned model created: " + model,
                "The job has successfully completed");
        List<Map<String, Object>> metrics = events.stream().filter(e -> "metrics".equals(e.get("type"))).toList();
        assertThat(metrics).hasSize(4); // 6 examples, batch 4: 2 steps an epoch, 2 epochs
        for (int k = 0; k < metrics.size(); k++) {
            Map<?, ?> data = (Map<?, ?>) metrics.get(k).get("data");
            assertThat(((Number) data.get("step")).intValue()).isEqualTo(k + 1);
            assertThat(((Number) data.get("total_steps")).intValue()).isEqualTo(4);
            assertThat(((Number) data.get("train_loss")).doubleValue()).isPositive();
        }
        assertThat(messages.indexOf("Fine-tuning job started")).isLessThan(events.indexOf(metrics.get(0)));

        JsonPath models = given().get("/v1/models").then().statusCode(200).extract().jsonPath();
        assertThat(models.getList("data.id", String.class)).contains(BASE_ID, model);
        given().get("/v1/models/" + model).then().statusCode(200)
                .body("parent", org.hamcrest.Matchers.equalTo(BASE_ID))
                .body("root", org.hamcrest.Matchers.equalTo(BASE_ID));
        JsonPath reply = FineTuneApi.chat(model, "What is 2 + 3?", 8).then().statusCode(200).extract().jsonPath();
        assertThat(reply.getString("model")).isEqualTo(model);
        assertThat(reply.getString("choices[0].message.content")).isNotBlank();
    }

    @Test
    void aFineTunedModelCanBeTrainedFurther() throws IOException {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(3, ""));
        String first = FineTuneApi.awaitFinished(FineTuneApi.createOk(file, "smollm2-135m", "round1"), TIMEOUT)
                .getString("fine_tuned_model");
        String secondJob = FineTuneApi.createOk(file, first, "round2");
        JsonPath second = FineTuneApi.awaitFinished(secondJob, TIMEOUT);

        assertThat(second.getString("status")).isEqualTo("succeeded");
        assertThat(second.getString("model")).isEqualTo(first);
        String model = second.getString("fine_tuned_model");
        assertThat(model).startsWith("ft:" + BASE_ID + ":itera:round2:");
        given().get("/v1/models/" + model).then().statusCode(200)
                .body("parent", org.hamcrest.Matchers.equalTo(first))
                .body("root", org.hamcrest.Matchers.equalTo(BASE_ID));
        String firstJob = first.substring(first.length() - 8);
        assertThat(String.join(" ", Files.readAllLines(FakeTrainerProfile.RUN_DIR.resolve(secondJob + ".args"))))
                .containsPattern("--base-gguf \\S*models/ftjob-\\w*" + firstJob + "\\.gguf");
        FineTuneApi.chat(model, "What is 4 + 5?", 4).then().statusCode(200);
    }

    @Inject
    ModelCatalog catalog;

    @Test
    void fineTunedModelsAreLoadedOnFirstUseAndTheLeastRecentlyUsedIsClosed() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(2, ""));
        String a = FineTuneApi.awaitFinished(FineTuneApi.createOk(file, "smollm2-135m", "lazy-a"), TIMEOUT)
                .getString("fine_tuned_model");
        String b = FineTuneApi.awaitFinished(FineTuneApi.createOk(file, "smollm2-135m", "lazy-b"), TIMEOUT)
                .getString("fine_tuned_model");
        assertThat(catalog.loadedFineTuned()).doesNotContain(a, b);

        FineTuneApi.chat(a, "Say hi.", 2).then().statusCode(200);
        assertThat(catalog.loadedFineTuned()).containsExactly(a);
        FineTuneApi.chat(b, "Say hi.", 2).then().statusCode(200);
        assertThat(catalog.loadedFineTuned()).containsExactly(b); // max-loaded is 1 in this profile
        FineTuneApi.chat(a, "Say hi.", 2).then().statusCode(200);
        assertThat(catalog.loadedFineTuned()).containsExactly(a);
    }

    @Test
    void anUnknownBaseModelFailsTheJob() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(2, ""));
        JsonPath done = FineTuneApi.awaitFinished(FineTuneApi.createOk(file, "no-such-model", "x"), TIMEOUT);

        assertThat(done.getString("status")).isEqualTo("failed");
        assertThat(done.getString("error.code")).isEqualTo("model_not_found");
        assertThat(done.getString("error.param")).isEqualTo("model");
        assertThat(done.getString("error.message")).contains("no-such-model");
        assertThat(done.getString("fine_tuned_model")).isNull();
        assertThat(done.getLong("finished_at")).isPositive();
        assertThat(FineTuneApi.events(done.getString("id")).getList("data.level", String.class)).contains("error");
    }

    @Test
    void aFileTheTrainerRejectsFailsTheJobWithInvalidTrainingFile() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(2, "FAKE_REJECT"));
        JsonPath done = FineTuneApi.awaitFinished(FineTuneApi.createOk(file, "smollm2-135m", "bad"), TIMEOUT);

        assertThat(done.getString("status")).isEqualTo("failed");
        assertThat(done.getString("error.code")).isEqualTo("invalid_training_file");
        assertThat(done.getString("error.param")).isEqualTo("training_file");
        assertThat(done.getString("error.message")).contains("line 1");
    }

    @Test
    void aCrashingTrainerFailsTheJobWithTrainingError() {
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(2, "FAKE_CRASH"));
        JsonPath done = FineTuneApi.awaitFinished(FineTuneApi.createOk(file, "smollm2-135m", "crash"), TIMEOUT);

        assertThat(done.getString("status")).isEqualTo("failed");
        assertThat(done.getString("error.code")).isEqualTo("training_error");
        assertThat(done.getString("error.message")).contains("exited with code 1", "simulated crash");
    }

    static List<Map<String, Object>> oldestFirst(JsonPath events) {
        List<Map<String, Object>> list = new ArrayList<>(events.getList("data"));
        Collections.reverse(list);
        return list;
    }
}
