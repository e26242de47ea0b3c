package org.itera.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));

    private static Throwable wrapped(Throwable cause) {
        return new LlmCallException("call failed", new CompletionException(cause));
    }

    @Test
    void aCallInterruptedByShutdownIsNotRetried() {
        Throwable interrupted = new ProcessingException(new InterruptedException());

        assertThat(RetryPolicy.isRetryable(wrapped(interrupted))).isFalse();
        assertThat(RetryPolicy.isInterruption(wrapped(interrupted))).isTrue();
    }

    @Test
    void aSocketTimeoutIsNotAnInterruption() {
        Throwable timeout = new ProcessingException(new SocketTimeoutException("read timed out"));

        assertThat(RetryPolicy.isInterruption(wrapped(timeout))).isFalse();
        assertThat(RetryPolicy.isRetryable(wrapped(timeout))).isTrue();
    }

    @Test
    void anyErrorOnAnInterruptedThreadIsNotRetried() {
        Thread.currentThread().interrupt();
        try {
            assertThat(RetryPolicy.isRetryable(wrapped(new ConnectException("refused")))).isFalse();
        } finally {
            Thread.interrupted();
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 408, 500, 502, 503, 504})
    void transientStatusesAreRetried(int status) {
        assertThat(RetryPolicy.isRetryable(new HttpException(status, "status " + status))).isTrue();
        assertThat(RetryPolicy.isRetryable(new WebApplicationException(status))).isTrue();
    }

    @ParameterizedTest(name = "wrapped HTTP {0}")
    @ValueSource(ints = {429, 408, 500, 502, 503, 504})
    void transientStatusesAreRetriedWhenWrappedAsACause(int status) {
        assertThat(RetryPolicy.isRetryable(wrapped(new HttpException(status, "busy")))).isTrue();
        assertThat(RetryPolicy.isRetryable(new RuntimeException(new WebApplicationException(status)))).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void clientErrorsFailAtOnce(int status) {
        assertThat(RetryPolicy.isRetryable(new HttpException(status, "no"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new WebApplicationException(status))).isFalse();
        assertThat(RetryPolicy.isRetryable(wrapped(new HttpException(status, "no")))).isFalse();
        assertThat(RetryPolicy.isRetryable(new RuntimeException(new WebApplicationException(status)))).isFalse();
    }

    static Stream<Throwable> transientFailures() {
        return Stream.of(new SocketTimeoutException("read timed out"), new ConnectException("connection refused"),
                new TimeoutException("no answer in 120 s"), new ProcessingException("connection reset"),
                new IOException("stream closed"), new RetriableException("try again"),
                new dev.langchain4j.exception.TimeoutException("timed out"));
    }

    @ParameterizedTest
    @MethodSource("transientFailures")
    void timeoutsAndDroppedConnectionsAreRetried(Throwable failure) {
        assertThat(RetryPolicy.isRetryable(failure)).isTrue();
        assertThat(RetryPolicy.isRetryable(wrapped(failure))).isTrue();
        assertThat(RetryPolicy.isRetryable(new ExecutionException(failure))).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(RetryPolicy.isRetryable(new IllegalArgumentException("unknown model"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException("bad"))).isFalse();
        assertThat(RetryPolicy.isRetryable(wrapped(new NullPointerException()))).isFalse();
        assertThat(RetryPolicy.isRetryable(null)).isFalse();
    }

    @Test
    void aNonRetriableExceptionWinsOverARetryableCause() {
        Throwable error = new NonRetriableException("wrong key", new SocketTimeoutException());

        assertThat(RetryPolicy.isRetryable(error)).isFalse();
    }

    @Test
    void theStatusDecidesOverARetryableCause() {
        HttpException badRequest = new HttpException(400, "bad request");
        badRequest.initCause(new SocketTimeoutException());

        assertThat(RetryPolicy.isRetryable(badRequest)).isFalse();
    }

    @Test
    void statusOfFindsTheStatusAnywhereInTheCauseChain() {
        assertThat(RetryPolicy.statusOf(new HttpException(503, "down"))).hasValue(503);
        assertThat(RetryPolicy.statusOf(new WebApplicationException(404))).hasValue(404);
        assertThat(RetryPolicy.statusOf(wrapped(new HttpException(429, "slow down")))).hasValue(429);
        assertThat(RetryPolicy.statusOf(new RuntimeException(new WebApplicationException(502)))).hasValue(502);
    }

    @Test
    void statusOfIsEmptyWithoutAnHttpAnswer() {
        assertThat(RetryPolicy.statusOf(new SocketTimeoutException())).isEmpty();
        assertThat(RetryPolicy.statusOf(new IllegalArgumentException())).isEmpty();
        assertThat(RetryPolicy.statusOf(null)).isEmpty();
    }

    @Test
    void statusOfTakesTheOutermostStatus() {
        HttpException outer = new HttpException(500, "outer");
        outer.initCause(new HttpException(429, "inner"));

        assertThat(RetryPolicy.statusOf(outer)).hasValue(500);
    }

    @Test
    void pausesFollowIterasOneSchedule() {
        // 100 ms doubled after each failed attempt, capped at 5 s; equal jitter: half the cap to all of it
        for (int i = 0; i < 300; i++) {
            assertThat(POLICY.backoffAfter(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(POLICY.backoffAfter(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(POLICY.backoffAfter(10)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        }
        assertThat(POLICY.backoff()).isEqualTo(new org.itera.core.retry.Backoff(5, Duration.ofMillis(100),
                Duration.ofSeconds(5)));
    }

    @Test
    void fromConfigurationKeepsAtLeastOneAttempt() {
        RetryPolicy none = RetryPolicy.from(retry(0));
        RetryPolicy five = RetryPolicy.from(retry(5));

        assertThat(none.maxAttempts()).isEqualTo(1);
        assertThat(five.maxAttempts()).isEqualTo(5);
        assertThat(five.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(five.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
    }

    private static LlmConfig.Retry retry(int maxAttempts) {
        return new LlmConfig.Retry() {
            @Override
            public int maxAttempts() {
                return maxAttempts;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(500);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofSeconds(20);
            }
        };
    }

    @Test
    void aRetryAfterLongerThanTheScheduleIsWaited() {
        Throwable limited = new dev.langchain4j.exception.RateLimitException(
                new RetryAfterHttpException(429, "{\"error\":{}}", Duration.ofSeconds(1)));

        assertThat(RetryPolicy.retryAfterOf(wrapped(limited))).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.isRetryable(wrapped(limited))).isTrue();
        assertThat(RetryPolicy.statusOf(wrapped(limited))).hasValue(429);
        for (int i = 0; i < 20; i++) {
            assertThat(POLICY.pauseAfter(1, wrapped(limited))).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRetryAfterIsCappedByTheLongestPause() {
        Throwable limited = new RetryAfterHttpException(429, "", Duration.ofMinutes(10));

        assertThat(POLICY.pauseAfter(1, limited)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterShorterThanTheScheduleChangesNothing() {
        Throwable limited = new RetryAfterHttpException(503, "", Duration.ZERO);

        assertThat(POLICY.pauseAfter(3, limited)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void withoutRetryAfterThePauseIsTheSchedules() {
        Throwable error = new HttpException(500, "oops");

        assertThat(RetryPolicy.retryAfterOf(wrapped(error))).isNull();
        assertThat(POLICY.pauseAfter(2, error)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
}
