package org.itera.modelserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.itera.modelserver.finetune.jobs.JobSpec;

import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /v1/fine_tuning/jobs}. Hyperparameters come from
 * {@code method.supervised.hyperparameters} or, the older way, {@code hyperparameters}; each may be
 * "auto". Every problem is a 400 naming the parameter.
 */
final class JobRequestParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private JobRequestParser() {
    }

    static JobSpec parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("The body is not valid JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("The body must be a JSON object", null);
        }
        String file = requiredText(root, "training_file");
        String model = requiredText(root, "model");
        if (root.hasNonNull("validation_file")) {
            throw ApiException.invalid("validation_file is not supported by this server", "validation_file");
        }
        String suffix = root.hasNonNull("suffix") ? root.get("suffix").asText() : null;
        if (suffix != null && !suffix.isEmpty() && !SUFFIX.matcher(suffix).matches()) {
            throw ApiException.invalid("'suffix' must be up to 64 letters, digits, '.', '_' or '-'", "suffix");
        }
        JsonNode hyper = hyperparameters(root);
        return new JobSpec(file, model, suffix == null || suffix.isEmpty() ? null : suffix,
                seed(root.path("seed")),
                integer(hyper, "n_epochs", 1, 50),
                integer(hyper, "batch_size", 1, 256),
                multiplier(hyper.path("learning_rate_multiplier")));
    }

    private static JsonNode hyperparameters(JsonNode root) {
        JsonNode method = root.path("method");
        if (method.isObject()) {
            String type = method.path("type").asText("supervised");
            if (!type.equals("supervised")) {
                throw ApiException.invalid("only the 'supervised' fine-tuning method is supported", "method.type");
            }
            JsonNode hyper = method.path("supervised").path("hyperparameters");
            if (hyper.isObject()) {
                return hyper;
            }
        }
        return root.path("hyperparameters");
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ApiException.invalid("'" + field + "' is required and must be a string", field);
        }
        return node.asText();
    }

    private static Integer seed(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Integer.MAX_VALUE) {
            throw ApiException.invalid("'seed' must be an integer from 0 to " + Integer.MAX_VALUE, "seed");
        }
        return node.asInt();
    }

    private static Integer integer(JsonNode hyper, String field, int min, int max) {
        JsonNode node = hyper.path(field);
        if (node.isMissingNode() || node.isNull() || "auto".equals(node.asText())) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw ApiException.invalid("'" + field + "' must be \"auto\" or an integer from " + min + " to " + max,
                    "hyperparameters." + field);
        }
        return node.asInt();
    }

    private static Double multiplier(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || "auto".equals(node.asText())) {
            return null;
        }
        if (!node.isNumber() || node.asDouble() <= 0 || node.asDouble() > 100) {
            throw ApiException.invalid("'learning_rate_multiplier' must be \"auto\" or a number above 0 and at most 100",
                    "hyperparameters.learning_rate_multiplier");
        }
        return node.asDouble();
    }
}
