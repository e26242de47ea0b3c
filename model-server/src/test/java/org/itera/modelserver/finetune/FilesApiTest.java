package org.itera.modelserver.finetune;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(FakeTrainerProfile.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class FilesApiTest {

    @Test
    void aValidFileIsStoredListedReadAndDeleted() {
        String jsonl = TrainingData.arithmetic(3, "");
        JsonPath file = FineTuneApi.upload(jsonl, "calc.jsonl", "fine-tune").then().statusCode(200)
                .extract().jsonPath();
        String id = file.getString("id");
        assertThat(id).startsWith("file-");
        assertThat(file.getString("object")).isEqualTo("file");
        assertThat(file.getLong("bytes")).isEqualTo(jsonl.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(file.getLong("created_at")).isPositive();
        assertThat(file.getString("filename")).isEqualTo("calc.jsonl");
        assertThat(file.getString("purpose")).isEqualTo("fine-tune");
        assertThat(file.getString("status")).isEqualTo("processed");

        JsonPath list = given().get("/v1/files").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("object")).isEqualTo("list");
        assertThat(list.getList("data.id", String.class)).contains(id);
        given().get("/v1/files/" + id).then().statusCode(200).body("id", equalTo(id)).body("bytes",
                equalTo(file.getInt("bytes")));
        assertThat(given().get("/v1/files/" + id + "/content").then().statusCode(200).extract().asString())
                .isEqualTo(jsonl);

        given().delete("/v1/files/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("object", equalTo("file")).body("deleted", equalTo(true));
        given().get("/v1/files/" + id).then().statusCode(404).body("error.type", equalTo("invalid_request_error"));
        given().delete("/v1/files/" + id).then().statusCode(404);
        assertThat(given().get("/v1/files").then().extract().jsonPath().getList("data.id", String.class))
                .doesNotContain(id);
    }

    @Test
    void anInvalidLineIsRefusedNamingTheFirstBadLine() {
        String jsonl = TrainingData.line("1 + 1?", "2") + "\n" + TrainingData.line("2 + 2?", "4") + "\n"
                + "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n"
                + "not json at all\n";
        FineTuneApi.upload(jsonl, "bad.jsonl", "fine-tune").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("line 3:"))
                .body("error.message", containsString("assistant"));
    }

    @Test
    void eachKindOfBadLineIsNamed() {
        assertRefused("{\"messages\": [}", "line 1: not valid JSON");
        assertRefused("[1, 2]", "line 1: not a JSON object");
        assertRefused("{\"messages\": []}", "line 1: 'messages' must be a non-empty array");
        assertRefused(TrainingData.line("a", "b") + "\n{\"messages\": [{\"role\": \"robot\", \"content\": \"x\"}]}",
                "line 2: messages[0].role");
        assertRefused("{\"messages\": [{\"role\": \"assistant\", \"content\": 5}]}", "line 1: messages[0].content");
        assertRefused("\n\n", "no example");
    }

    @Test
    void aPurposeOtherThanFineTuneIs400() {
        FineTuneApi.upload(TrainingData.arithmetic(1, ""), "x.jsonl", "assistants").then().statusCode(400)
                .body("error.param", equalTo("purpose"));
    }

    @Test
    void anUploadWithoutFileIs400() {
        given().multiPart("purpose", "fine-tune").when().post("/v1/files").then().statusCode(400)
                .body("error.param", equalTo("file"));
    }

    private static void assertRefused(String jsonl, String message) {
        FineTuneApi.upload(jsonl, "bad.jsonl", "fine-tune").then().statusCode(400)
                .body("error.message", startsWith("Invalid training file"))
                .body("error.message", containsString(message));
    }
}
