package org.itera.modelserver.finetune.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Checks a chat fine-tuning file line by line: every non-blank line is a JSON object with a
 * non-empty {@code messages} array of {@code {role, content}} (role system, user or assistant;
 * content a string; an optional {@code weight} 0 or 1, OpenAI's: an assistant message of weight 0 is
 * not trained on) holding at least one non-empty assistant message to train on. The first bad line is
 * reported as {@code line N: ...}.
 */
public final class JsonlValidator {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlValidator() {
    }

    /** Returns the number of examples; throws {@link InvalidFileException} for the first bad line. */
    public static int validate(InputStream content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int examples = 0;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(content, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String problem = problemOf(line);
                if (problem != null) {
                    throw new InvalidFileException("Invalid training file: line " + number + ": " + problem, "file");
                }
                examples++;
            }
        } catch (CharacterCodingException e) {
            throw new InvalidFileException("Invalid training file: line " + (number + 1) + ": not UTF-8 text", "file");
        }
        if (examples == 0) {
            throw new InvalidFileException("Invalid training file: it holds no example", "file");
        }
        return examples;
    }

    static String problemOf(String line) {
        JsonNode example;
        try {
            example = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return "not valid JSON (" + e.getOriginalMessage() + ")";
        }
        if (example == null || !example.isObject()) {
            return "not a JSON object";
        }
        JsonNode messages = example.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "'messages' must be a non-empty array";
        }
        boolean answered = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                return "messages[" + i + "] is not an object";
            }
            JsonNode role = message.path("role");
            if (!role.isTextual() || !ROLES.contains(role.asText())) {
                return "messages[" + i + "].role must be one of system, user, assistant";
            }
            JsonNode text = message.path("content");
            if (!text.isTextual()) {
                return "messages[" + i + "].content must be a string";
            }
            JsonNode weight = message.path("weight");
            if (!weight.isMissingNode() && !(weight.isInt() && (weight.asInt() == 0 || weight.asInt() == 1))) {
                return "messages[" + i + "].weight must be 0 or 1";
            }
            if (role.asText().equals("assistant") && !text.asText().isBlank() && weight.asInt(1) == 1) {
                answered = true;
            }
        }
        return answered ? null : "no non-empty assistant message to train on";
    }
}
