package org.itera.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 1 ")).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("-3")).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAsTheTimeUntilIt() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));

        assertThat(RetryAfter.parse(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(RetryAfter.parse(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableValueIsNull() {
        assertThat(RetryAfter.parse(null)).isNull();
        assertThat(RetryAfter.parse(" ")).isNull();
        assertThat(RetryAfter.parse("soon")).isNull();
    }
}
