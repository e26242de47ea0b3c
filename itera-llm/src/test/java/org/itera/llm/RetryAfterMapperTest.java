package org.itera.llm;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterMapperTest {

    private final RetryAfterMapper mapper = new RetryAfterMapper();

    @Test
    void handlesOnlyErrorAnswersWithRetryAfter() {
        MultivaluedHashMap<String, Object> with = new MultivaluedHashMap<>();
        with.add("Retry-After", "1");

        assertThat(mapper.handles(429, with)).isTrue();
        assertThat(mapper.handles(503, with)).isTrue();
        assertThat(mapper.handles(200, with)).isFalse();
        assertThat(mapper.handles(429, new MultivaluedHashMap<>())).isFalse();
        assertThat(mapper.getPriority()).isLessThan(jakarta.ws.rs.Priorities.USER);
    }

    @Test
    void keepsTheStatusTheBodyAndTheWait() {
        Response response = Response.status(429).header("Retry-After", "2").entity("{\"error\":{}}").build();

        RetryAfterHttpException error = mapper.toThrowable(response);

        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.getMessage()).isEqualTo("{\"error\":{}}");
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anUnreadableRetryAfterIsLeftToTheClient() {
        assertThat(mapper.toThrowable(Response.status(429).header("Retry-After", "soon").build())).isNull();
    }
}
