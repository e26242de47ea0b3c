package org.itera.finetune.openai.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ApiErrorMapperTest {

    @Test
    void theApiErrorMessageIsTakenFromOpenAisErrorShapeElseTheTextIsCut() {
        assertThat(ApiErrorMapper.errorOf("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"))
                .isEqualTo("Rate limit reached");
        assertThat(ApiErrorMapper.errorOf("<html>Bad gateway</html>")).isEqualTo("<html>Bad gateway</html>");
        assertThat(ApiErrorMapper.errorOf("x".repeat(400))).hasSize(303).endsWith("...");
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(ApiErrorMapper.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(ApiErrorMapper.retryAfter(null)).isNull();
        assertThat(ApiErrorMapper.retryAfter("soon")).isNull();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(ApiErrorMapper.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        assertThat(ApiErrorMapper.retryAfter(past)).isEqualTo(Duration.ZERO);
    }
}
