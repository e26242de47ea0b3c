package org.itera.filter.repairs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Whether feedback-service's repair loop is paused, for {@code GET /runs/{id}}: {@code {"paused":
 * true|false}}, or {@code {"reachable": false}} when feedback-service does not answer within 2 s
 * (not running, or another address: {@code ITERA_FEEDBACK_URL}).
 */
@ApplicationScoped
public class RepairLoopClient {

    private final RepairLoopApi api;

    public RepairLoopClient(@RestClient RepairLoopApi api) {
        this.api = api;
    }

    @Timeout(2_000)
    @Fallback(fallbackMethod = "unreachable")
    public Map<String, Object> state() {
        return Map.of("paused", api.state().paused());
    }

    Map<String, Object> unreachable() {
        return Map.of("reachable", false);
    }
}
