package org.itera.modelserver.llama;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

/** The engine process of a model, killed from outside, is started again and serves; the API answers as before. */
@QuarkusTest
@TestProfile(EngineRestartTest.OwnApplication.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class EngineRestartTest {

    /** A fresh application for this class alone: the engine it kills is not the other tests' one. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    ModelCatalog catalog;

    @Test
    void aKilledEngineIsStartedAgainAndServes() throws Exception {
        LoadedModel model = catalog.all().get(0);
        String before = reply();
        long pid = model.enginePid();
        ProcessHandle engine = ProcessHandle.of(pid).orElseThrow();
        assertThat(engine.info().command().orElse("")).endsWith("llama-server");

        engine.destroyForcibly();
        engine.onExit().get();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!model.serving() || model.enginePid() == pid) {
            if (Instant.now().isAfter(deadline)) {
                fail("the engine of " + model.id() + " was not started again");
            }
            Thread.sleep(100);
        }
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(reply()).as("the restarted engine answers greedily as the first one did").isEqualTo(before);
    }

    private static String reply() {
        return given().contentType(ContentType.JSON).body("""
                {"model": "smollm2-135m", "messages": [{"role": "user", "content": "Name a colour."}],
                 "max_tokens": 8, "temperature": 0}""").post("/v1/chat/completions")
                .then().statusCode(200).extract().path("choices[0].message.content");
    }
}
