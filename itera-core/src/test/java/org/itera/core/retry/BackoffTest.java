package org.itera.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    static final Backoff BACKOFF = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void theCapDoublesUpToTheMaximum() {
        assertThat(Stream.of(1, 2, 3, 4, 5, 30, 1000).map(a -> BACKOFF.capAfter(a).toMillis()))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
        assertThat(new Backoff(3, Duration.ofSeconds(30), Duration.ofSeconds(10)).capAfter(1))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "after attempt {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 20, 21, 63, 64, 1000})
    void pausesStayBetweenHalfTheCapAndTheCapAndReachBothEnds(int attempt) {
        long cap = BACKOFF.capAfter(attempt).toMillis();
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 3000; i++) {
            long pause = BACKOFF.pauseAfter(attempt).toMillis();
            assertThat(pause).isBetween(cap / 2, cap);
            smallest = Math.min(smallest, pause);
            largest = Math.max(largest, pause);
        }
        assertThat(smallest).as("equal jitter reaches down to half the cap").isLessThan(cap / 2 + cap / 20 + 1);
        assertThat(largest).isGreaterThan(cap - cap / 20 - 1);
    }

    @Test
    void aRetryAfterLongerThanThePauseIsHonouredUpToTheMaximum() {
        for (int i = 0; i < 200; i++) {
            assertThat(BACKOFF.pauseAfter(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
            assertThat(BACKOFF.pauseAfter(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(1000));
            assertThat(BACKOFF.pauseAfter(1, Duration.ofMillis(10))).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(BACKOFF.pauseAfter(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        }
    }

    @Test
    void atLeastOneAttemptAndAnotherOnlyWhileTheBudgetLasts() {
        assertThat(new Backoff(0, Duration.ofMillis(1), Duration.ofMillis(1)).maxAttempts()).isEqualTo(1);
        assertThat(List.of(1, 4, 5).stream().map(BACKOFF::allowsAnotherAfter)).containsExactly(true, true, false);
    }
}
