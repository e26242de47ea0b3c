package org.itera.modelserver.finetune.trainer;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON line the trainer wrote on stdout: {@code event} is started, step, exporting, succeeded or failed. */
public record TrainerEvent(String event, JsonNode json) {

    public long number(String field) {
        return json.path(field).asLong();
    }

    /** The number as the trainer wrote it (integer or decimal), or null. */
    public Number numeric(String field) {
        JsonNode value = json.path(field);
        return value.isNumber() ? value.numberValue() : null;
    }

    public double decimal(String field) {
        return json.path(field).asDouble();
    }

    public String text(String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
