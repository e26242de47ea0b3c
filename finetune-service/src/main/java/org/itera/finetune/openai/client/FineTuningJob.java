package org.itera.finetune.openai.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of an OpenAI fine-tuning job Itera reads: its status ({@code validating_files},
 * {@code queued}, {@code running}, {@code succeeded}, {@code failed}, {@code cancelled}), the
 * model it produced, and the error of a failed one.
 */
public record FineTuningJob(String id, String status, String model, String fineTunedModel, String trainingFile,
        String errorCode, String errorMessage, Long trainedTokens) {

    public static FineTuningJob from(JsonNode json) {
        JsonNode error = json.path("error");
        return new FineTuningJob(text(json, "id"), text(json, "status"), text(json, "model"),
                text(json, "fine_tuned_model"), text(json, "training_file"),
                error.isObject() ? text(error, "code") : null, error.isObject() ? text(error, "message") : null,
                json.hasNonNull("trained_tokens") ? json.get("trained_tokens").asLong() : null);
    }

    public boolean finished() {
        return "succeeded".equals(status) || "failed".equals(status) || "cancelled".equals(status);
    }

    public boolean succeeded() {
        return "succeeded".equals(status) && fineTunedModel != null && !fineTunedModel.isBlank();
    }

    /** Why the job did not produce a model, as far as the API says. */
    public String reason() {
        if (errorMessage != null || errorCode != null) {
            return (errorCode == null ? "" : errorCode + ": ") + (errorMessage == null ? "" : errorMessage);
        }
        return "succeeded".equals(status) ? "succeeded without a fine_tuned_model" : "job " + status;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
