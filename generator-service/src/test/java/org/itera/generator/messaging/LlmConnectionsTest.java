package org.itera.generator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.itera.testing.InjectOpenAiMock;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.OpenAiMock;
import org.itera.testing.OpenAiMockResource;
import org.junit.jupiter.api.Test;

/**
 * Calls in flight follow the configured concurrency past the REST client's default pool of 50
 * connections: with 80 tasks at once and the model holding every call, 80 calls are open at the
 * same moment, and no more.
 */
@QuarkusTest
@TestProfile(LlmConnectionsTest.Eighty.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class LlmConnectionsTest {

    static final int LIMIT = 80;
    static final int TASKS = 90;
    static final String MARK = "connections-probe";

    /** 80 tasks in flight (the connection pool follows); calls may be held longer than any timeout. */
    public static class Eighty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.messaging.worker.team-runs.max-concurrency", String.valueOf(LIMIT),
                    "itera.llm.timeout", "10m");
        }
    }

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void eightyCallsAreOpenAtOnce() throws InterruptedException {
        assertThat(TaskConcurrencyTest.mostOpenAtOnce(llm, MARK, TASKS, LIMIT)).as("most calls open at once")
                .isEqualTo(LIMIT);
    }
}
