package org.itera.finetune.openai.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.itera.finetune.ContinueProfile;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests the REST client sends to WireMock (the multipart upload, the job request, the key)
 * and how it reads OpenAI's answers and errors.
 */
@QuarkusTest
@TestProfile(ContinueProfile.class)
@QuarkusTestResource(OpenAiMockResource.class)
class OpenAiFineTuningClientTest {

    private static final String JSONL = "{\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"},"
            + "{\"role\":\"assistant\",\"content\":\"Answer: 4\"}]}\n";
    private static final String FILE = "{\"object\":\"file\",\"id\":\"file-abc123\",\"purpose\":\"fine-tune\","
            + "\"filename\":\"gsm8k-solver-r7.jsonl\",\"bytes\":120,\"created_at\":1764000000,\"status\":\"processed\"}";

    @InjectOpenAiMock
    OpenAiMock llm;

    @Inject
    OpenAiFineTuningClient client;

    @BeforeEach
    void reset() {
        llm.server().resetAll();
    }

    @Test
    void theUploadIsAMultipartFormWithPurposeAndTheJsonlFile() {
        llm.server().stubFor(post(urlEqualTo("/v1/files")).willReturn(okJson(FILE)));

        assertThat(client.uploadTrainingFile("gsm8k-solver-r7.jsonl", JSONL.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("file-abc123");

        llm.server().verify(1, postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiMockResource.TEST_API_KEY))
                .withHeader("Accept", containing("application/json"))
                .withRequestBodyPart(aMultipart("purpose").withBody(equalTo("fine-tune")).build())
                .withRequestBodyPart(aMultipart("file").withBody(equalTo(JSONL))
                        .withHeader("Content-Disposition", containing("filename=\"gsm8k-solver-r7.jsonl\""))
                        .withHeader("Content-Type", containing("application/jsonl")).build()));
        LoggedRequest upload = llm.server().findAll(postRequestedFor(urlEqualTo("/v1/files"))).get(0);
        assertThat(upload.getParts()).extracting(part -> part.getName()).containsExactly("purpose", "file");
    }

    @Test
    void theJobRequestCarriesTheHyperparametersAndTheSeed() {
        llm.server().stubFor(post(urlEqualTo("/v1/fine_tuning/jobs")).willReturn(okJson(job("validating_files"))));

        FineTuningJob job = client.createJob("file-abc123", "gpt-4o-mini", "gsm8k-solver-r7",
                new JobHyperparameters(Optional.of(3), Optional.of(0.5), Optional.empty()), Optional.of(42));

        assertThat(job.id()).isEqualTo("ftjob-r7");
        assertThat(job.status()).isEqualTo("validating_files");
        llm.server().verify(1, postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiMockResource.TEST_API_KEY))
                .withRequestBody(equalToJson("{\"training_file\":\"file-abc123\",\"model\":\"gpt-4o-mini\","
                        + "\"suffix\":\"gsm8k-solver-r7\",\"hyperparameters\":{\"n_epochs\":3,"
                        + "\"learning_rate_multiplier\":0.5},\"seed\":42}")));
    }

    @Test
    void aJobAndItsEventsAreRead() {
        llm.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7")).willReturn(okJson(job("succeeded"))));
        llm.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7/events?limit=100")).willReturn(okJson(
                "{\"object\":\"list\",\"has_more\":false,\"data\":[{\"object\":\"fine_tuning.job.event\","
                        + "\"id\":\"ftevent-1\",\"level\":\"info\",\"message\":\"The job has successfully completed\"}]}")));

        FineTuningJob job = client.job("ftjob-r7");

        assertThat(job.succeeded()).isTrue();
        assertThat(job.fineTunedModel()).isEqualTo("ft:gpt-4o-mini:itera:gsm8k-solver-r7:abc");
        assertThat(job.trainedTokens()).isEqualTo(18432L);
        assertThat(client.events("ftjob-r7").get(0).path("message").asText()).isEqualTo("The job has successfully completed");
        llm.server().verify(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7/events?limit=100")));
    }

    @Test
    void aRateLimitIsRetriedAndARefusalIsNotAndNamesTheApiMessageWithoutTheKey() {
        llm.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(error(429, "Rate limit reached for requests").withHeader("Retry-After", "0")));
        llm.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7")).inScenario("limited")
                .whenScenarioStateIs("free").willReturn(okJson(job("running"))));
        assertThat(client.job("ftjob-r7").status()).isEqualTo("running");
        llm.server().verify(2, getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7")));

        llm.server().stubFor(post(urlEqualTo("/v1/files")).willReturn(
                error(401, "Incorrect API key provided: " + OpenAiMockResource.TEST_API_KEY)));
        OpenAiApiException e = catchThrowableOfType(OpenAiApiException.class,
                () -> client.uploadTrainingFile("t.jsonl", JSONL.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("upload t.jsonl failed: HTTP 401: Incorrect API key provided: ***");
        llm.server().verify(1, postRequestedFor(urlEqualTo("/v1/files")));
    }

    @Test
    void anAnswerThatIsNotJsonIsAnErrorNotRetried() {
        llm.server().stubFor(get(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>proxy login</html>")));

        OpenAiApiException e = catchThrowableOfType(OpenAiApiException.class, () -> client.job("ftjob-r7"));

        assertThat(e.getMessage()).isEqualTo("read job ftjob-r7: the answer is not JSON");
        assertThat(e.retryable()).isFalse();
        llm.server().verify(1, getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/ftjob-r7")));
    }

    private static String job(String status) {
        boolean done = "succeeded".equals(status);
        return "{\"object\":\"fine_tuning.job\",\"id\":\"ftjob-r7\",\"model\":\"gpt-4o-mini\",\"status\":\"" + status
                + "\",\"training_file\":\"file-abc123\",\"fine_tuned_model\":"
                + (done ? "\"ft:gpt-4o-mini:itera:gsm8k-solver-r7:abc\"" : "null") + ",\"trained_tokens\":"
                + (done ? "18432" : "null") + ",\"error\":{},\"seed\":42}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
    }
}
