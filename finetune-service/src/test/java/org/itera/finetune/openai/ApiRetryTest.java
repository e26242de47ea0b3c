package org.itera.finetune.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.itera.finetune.openai.client.ApiRetry;
import org.itera.finetune.openai.client.OpenAiApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRetryTest {

    private static final ApiRetry RETRY = new ApiRetry(4, Duration.ofMillis(1), Duration.ofMillis(4));

    /** A call failing with the given statuses in turn, then answering "ok"; counts its attempts. */
    private static final class Script {
        final Deque<Integer> failures;
        int attempts;

        Script(Integer... statuses) {
            failures = new ArrayDeque<>(List.of(statuses));
        }

        String call() {
            attempts++;
            Integer status = failures.poll();
            if (status != null) {
                throw new OpenAiApiException(status, "upload t.jsonl failed: HTTP " + status + ": busy");
            }
            return "ok";
        }
    }

    @Test
    void transientFailuresAreRetriedUntilTheCallSucceeds() {
        Script script = new Script(503, 429, 0, 408, 409);
        assertThat(new ApiRetry(6, Duration.ofMillis(1), Duration.ofMillis(4)).run("upload", script::call)).isEqualTo("ok");
        assertThat(script.attempts).isEqualTo(6);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 413, 422})
    void clientErrorsAreNotRetried(int status) {
        Script script = new Script(status);
        OpenAiApiException e = catchThrowableOfType(OpenAiApiException.class, () -> RETRY.run("upload", script::call));
        assertThat(script.attempts).isOne();
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).isEqualTo("upload t.jsonl failed: HTTP " + status + ": busy");
    }

    @Test
    void theServersRetryAfterIsWaitedUpToTheLongestPause() {
        int[] attempts = {0};
        long start = System.nanoTime();
        String answer = new ApiRetry(3, Duration.ofMillis(1), Duration.ofMillis(300)).run("upload", () -> {
            if (attempts[0]++ == 0) {
                throw new OpenAiApiException(429, "rate limited", Duration.ofMillis(200));
            }
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theLastErrorIsThrownOnceTheAttemptsAreUsedUp() {
        Script script = new Script(500, 502, 503, 504, 500);
        OpenAiApiException e = catchThrowableOfType(OpenAiApiException.class, () -> RETRY.run("upload", script::call));
        assertThat(script.attempts).isEqualTo(4);
        assertThat(e.status()).isEqualTo(504);
        assertThat(e.getMessage()).endsWith("HTTP 504: busy (after 4 attempts)");
    }
}
