package org.itera.finetune.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.itera.core.json.Json;
import org.itera.core.run.RunIds;
import org.itera.finetune.training.RoundScope;

/**
 * The JSON body of {@code POST /rounds}, every field optional: the {@code run} the round belongs
 * to, and the {@code subjects} whose trainees it trains (left out or null: a round that names none,
 * {@link RoundScope#ordinary()}). An empty body asks for neither; an unknown field is refused.
 */
public record RoundRequest(String run, List<String> subjects) {

    private static final String FORM = "{\"run\": \"<id>\", \"subjects\": [\"<subject>\", ...]}, every field optional";

    /**
     * The request of a body (blank: none), checked: the run id, and the subjects against the
     * {@code known} ones; throws {@link IllegalArgumentException} with the reason.
     */
    static RoundRequest parse(String body, Set<String> known) {
        RoundRequest request = read(body);
        RunIds.problem(request.run()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        request.checkSubjects(known);
        return request;
    }

    private static RoundRequest read(String body) {
        if (body == null || body.isBlank()) {
            return new RoundRequest(null, null);
        }
        try {
            return Json.mapper().readerFor(RoundRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not a round request (" + FORM + "): "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void checkSubjects(Set<String> known) {
        if (subjects == null) {
            return;
        }
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("subjects is empty: name at least one subject, or leave it out");
        }
        for (String subject : subjects) {
            if (!known.contains(subject)) {
                throw new IllegalArgumentException("subjects: unknown subject '" + subject + "' (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    /** The trainees the round may train. */
    RoundScope scope() {
        return new RoundScope(subjects);
    }
}
