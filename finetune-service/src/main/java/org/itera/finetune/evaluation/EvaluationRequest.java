package org.itera.finetune.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.itera.core.json.Json;
import org.itera.core.run.RunIds;
import org.itera.finetune.config.FinetuneConfig;

/**
 * What {@code POST /rounds/{n}/evaluate} evaluates, from its JSON body: the setting and subject,
 * the test rows (inline {@code rows}, or a JSONL {@code file} on the service's host, in
 * {@code ../shared/data}'s row format), at most {@code limit} of them, an optional {@code run} id
 * the tasks carry, and how long to wait for them ({@code timeoutSeconds}). A field left out takes
 * its {@code itera.finetune.evaluation.*} default (used as a whole when the body is empty, e.g.
 * for the evaluation after an automatic round). An unknown field is refused, not ignored.
 */
public record EvaluationRequest(String setting, String subject, String file, List<JsonNode> rows, Integer limit,
        String run, Integer timeoutSeconds) {

    /** The request of a JSON body, or of none (blank); throws with the reason when it is malformed. */
    public static EvaluationRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new EvaluationRequest(null, null, null, null, null, null, null);
        }
        try {
            return Json.mapper().readerFor(EvaluationRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            throw new EvaluationException(400, "the request body is not an evaluation request: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Where the evaluation's rows come from, with the configured defaults for what the request leaves out. */
    public Resolved resolve(FinetuneConfig.Evaluation defaults) {
        if (rows != null && file != null) {
            throw new EvaluationException(400, "give the evaluation rows or a file, not both");
        }
        RunIds.problem(run).ifPresent(problem -> {
            throw new EvaluationException(400, problem);
        });
        String subjectOf = Optional.ofNullable(subject).or(defaults::subject).orElseThrow(() -> new EvaluationException(
                400, "no evaluation subject: give \"subject\" in the request (or set itera.finetune.evaluation.subject)"));
        int limitOf = limit != null ? limit : defaults.limit();
        if (limitOf < 1) {
            throw new EvaluationException(400, "limit must be at least 1, not " + limitOf);
        }
        Duration timeout = timeoutSeconds != null ? Duration.ofSeconds(Math.max(1, timeoutSeconds)) : defaults.timeout();
        return new Resolved(setting != null ? setting : defaults.setting(), subjectOf, lines(defaults), limitOf, run,
                timeout, rows != null ? "the request's rows" : fileOf(defaults));
    }

    private List<String> lines(FinetuneConfig.Evaluation defaults) {
        if (rows != null) {
            return rows.stream().map(JsonNode::toString).toList();
        }
        String path = fileOf(defaults);
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            throw new EvaluationException(400, "evaluation file " + path + " unreadable: " + e);
        }
    }

    private String fileOf(FinetuneConfig.Evaluation defaults) {
        return Optional.ofNullable(file).or(defaults::file).orElseThrow(() -> new EvaluationException(400,
                "no evaluation tasks: give \"rows\" or \"file\" in the request (or set itera.finetune.evaluation.file)"));
    }

    /** The evaluation to run: every field known. */
    public record Resolved(String setting, String subject, List<String> lines, int limit, String run,
            Duration timeout, String source) {
    }
}
