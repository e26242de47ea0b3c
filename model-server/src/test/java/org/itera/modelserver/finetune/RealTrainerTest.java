package org.itera.modelserver.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real LoRA job on SmolLM2 (3 steps), then the new model answers through llama.cpp, and its
 * greedy answers are compared with the trainer's own (transformers) greedy answers to the same prompts.
 */
@QuarkusTest
@TestProfile(RealTrainerProfile.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
@ExtendWith(RealTrainer.class)
class RealTrainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRealJobTrainsAModelThatAnswersLikeTheTrainerDoes() throws IOException {
        long started = System.nanoTime();
        String file = FineTuneApi.uploadOk(TrainingData.arithmetic(12, ""));
        String id = FineTuneApi.create("""
                {"training_file": "%s", "model": "smollm2-135m", "suffix": "real", "seed": 42,
                 "hyperparameters": {"n_epochs": 1}}
                """.formatted(file)).then().statusCode(200).extract().path("id");
        JsonPath done = FineTuneApi.awaitFinished(id, Duration.ofMinutes(40));
        double wall = (System.nanoTime() - started) / 1e9;
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("succeeded");

        List<Map<String, Object>> events = FineTuningJobsTest.oldestFirst(FineTuneApi.events(id));
        List<Map<String, Object>> steps = events.stream().filter(e -> "metrics".equals(e.get("type"))).toList();
        assertThat(steps).hasSizeBetween(1, RealTrainerProfile.MAX_STEPS);
        Map<?, ?> result = (Map<?, ?>) events.stream()
                .filter(e -> String.valueOf(e.get("message")).startsWith("New fine-tuned model created")).findFirst()
                .orElseThrow().get("data");
        String model = done.getString("fine_tuned_model");
        JsonPath reply = FineTuneApi.chat(model, "What is 7 + 8?", 16).then().statusCode(200).extract().jsonPath();
        assertThat(reply.getString("choices[0].message.content")).isNotBlank();

        List<String> report = new ArrayList<>();
        report.add("job " + id + ": " + steps.size() + " steps, losses " + steps.stream()
                .map(s -> ((Map<?, ?>) s.get("data")).get("train_loss")).toList() + ", trained_tokens "
                + done.getLong("trained_tokens") + ", trainer seconds " + result.get("seconds")
                + ", wall seconds (upload to succeeded) " + Math.round(wall));
        List<Integer> agreement = compareWithReference(id, model, report);
        Path out = Path.of("target", "real-trainer-report.txt");
        Files.write(out, report);
        report.forEach(System.out::println);
        // Exact equality of all greedy answers is the goal but not what llama.cpp and PyTorch give:
        // measured on 2 cores, the UNTRAINED base (learning rate 0, re-exported as f16 or served as
        // the original Q4_1) already departs from the trainer's transformers answers on 2 of these 3
        // prompts, at near-ties after 4 and 11 tokens, exactly as the fine-tuned model does. So the
        // test demands one identical answer and a common start of at least 16 characters on every
        // prompt; the report above says by how much they differ.
        String why = String.join("\n", report);
        assertThat(agreement).as(why).contains(-1);
        assertThat(agreement).as(why).allSatisfy(chars -> assertThat(chars == -1 || chars >= 16).isTrue());
    }

    /**
     * Greedy answers of llama.cpp against the trainer's; per prompt -1 when identical, else the
     * length of the common start in characters.
     */
    private static List<Integer> compareWithReference(String id, String model, List<String> report) throws IOException {
        Path referenceFile = RealTrainerProfile.DATA_DIR.resolve("reference").resolve(id + ".jsonl");
        assertThat(referenceFile).exists();
        List<String> references = Files.readAllLines(referenceFile).stream().filter(l -> !l.isBlank()).toList();
        List<JsonNode> prompts = prompts();
        assertThat(references).hasSameSizeAs(prompts);
        List<Integer> agreement = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            JsonNode prompt = prompts.get(i);
            JsonNode reference = JSON.readTree(references.get(i));
            String body = JSON.createObjectNode().put("model", model).put("temperature", 0).put("seed", 1)
                    .put("max_tokens", prompt.path("max_tokens").asInt())
                    .set("messages", prompt.path("messages")).toString();
            String ours = given().contentType(ContentType.JSON).body(body).post("/v1/chat/completions")
                    .then().statusCode(200).extract().path("choices[0].message.content");
            String theirs = reference.path("text").asText();
            int common = commonPrefix(ours, theirs);
            boolean same = ours.equals(theirs);
            agreement.add(same ? -1 : common);
            report.add("prompt " + i + (same ? ": identical" : ": DIFFERENT after " + common + " chars")
                    + " (" + reference.path("tokens").size() + " reference tokens, stop " + reference.path("stop").asText()
                    + ")\n  llama.cpp:    " + JSON.valueToTree(ours) + "\n  transformers: " + JSON.valueToTree(theirs));
        }
        return agreement;
    }

    private static List<JsonNode> prompts() throws IOException {
        List<JsonNode> prompts = new ArrayList<>();
        for (String line : Files.readAllLines(RealTrainerProfile.referencePrompts())) {
            if (!line.isBlank()) {
                prompts.add(JSON.readTree(line));
            }
        }
        return prompts;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
