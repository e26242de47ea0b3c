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
 * connections: with 80 tasks at once, more than 50 calls are open at the same moment.
 */
@QuarkusTest
@TestProfile(LlmConnectionsTest.Eighty.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OpenAiMockResource.class)
class LlmConnectionsTest {

    static final int TASKS = 90;
    static final String MARK = "connections-probe";

    /** 80 tasks in flight; the connection pool follows. */
    public static class Eighty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.messaging.worker.team-runs.max-concurrency", "80");
        }
    }

    @InjectOpenAiMock
    OpenAiMock llm;

    @Test
    void moreThanFiftyCallsAreOpenAtOnce() {
        assertThat(TaskConcurrencyTest.maxOpenWhileRunning(llm, MARK, TASKS)).isGreaterThan(60);
    }
}
