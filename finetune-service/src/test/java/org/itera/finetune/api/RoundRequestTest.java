package org.itera.finetune.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.Test;

/** A malformed {@code POST /rounds} body is a 400 that says why, and starts no round. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class RoundRequestTest {

    @Test
    void anUnknownSubjectIsRefusedNamingItAndTheKnownOnes() {
        refused("{\"subjects\": [\"arithmetic\", \"alchemy\"]}", allOf(containsString("unknown subject 'alchemy'"),
                containsString("known: ["), containsString("arithmetic"), containsString("biomed-firsttry")));
    }

    @Test
    void subjectsMustBeANonEmptyArray() {
        refused("{\"subjects\": \"arithmetic\"}", containsString("not a round request"));
        refused("{\"subjects\": {\"arithmetic\": true}}", containsString("not a round request"));
        refused("{\"subjects\": []}", containsString("subjects is empty"));
    }

    @Test
    void anUnknownFieldOrABadRunIsRefused() {
        refused("{\"run\": \"run-1\", \"subject\": \"arithmetic\"}", allOf(containsString("not a round request"),
                containsString("subject")));
        refused("{\"run\": \"a b\", \"subjects\": [\"arithmetic\"]}", containsString("run id 'a b'"));
        refused("not json", containsString("not a round request"));
    }

    private static void refused(String body, org.hamcrest.Matcher<String> reason) {
        given().contentType("application/json").body(body).post("/rounds").then().statusCode(400)
                .body("error", reason);
    }
}
