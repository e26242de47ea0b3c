package org.itera.core.retry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a server's {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. */
public final class RetryAfter {

    /** The header's name. */
    public static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    /**
     * How long the server asked to wait: the seconds, or the time from now until the date (zero when
     * it has passed); null when the value is absent, blank or neither.
     */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
