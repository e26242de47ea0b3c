package org.itera.core.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.itera.core.json.Json;

/**
 * Reads one Kafka message's payload into an event, or fails with an {@link IllegalArgumentException}
 * whose message says what is wrong (it becomes the {@code dead-letter-reason} of the message on its
 * {@code <topic>-dlq}): empty, over {@link #MAX_MESSAGE_BYTES}, not JSON (with line and column),
 * JSON but not an object, or a field of the wrong type (with the field's path).
 */
public final class Payloads {

    /**
     * The largest message any consumer reads, in bytes of its UTF-8 payload: under the broker's
     * default {@code message.max.bytes} (1,048,588) and the producer's default
     * {@code max.request.size} (1,048,576), with room left for the dead-letter headers. Only a
     * producer with compression and a raised {@code max.request.size} can put a larger one on a
     * topic; it is dead-lettered unread. Tasks have their own, smaller limit (256 KB).
     */
    public static final int MAX_MESSAGE_BYTES = 1_000_000;

    private Payloads() {
    }

    /** The payload as a {@code type}; {@code what} names the event in the reasons ("trajectory"). */
    public static <T> T read(String payload, Class<T> type, String what) {
        return read(payload, type, what, MAX_MESSAGE_BYTES);
    }

    /** As {@link #read(String, Class, String)}, with another size limit. */
    public static <T> T read(String payload, Class<T> type, String what, int maxBytes) {
        JsonNode tree = tree(payload, what, maxBytes);
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + what + ": " + describe(e));
        }
    }

    /** The payload as a JSON object, after the emptiness and size checks. */
    public static JsonNode tree(String payload, String what, int maxBytes) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty " + what + " message");
        }
        int size = utf8Length(payload);
        if (size > maxBytes) {
            throw new IllegalArgumentException(tooLarge(what, size, maxBytes));
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON " + what + " object: " + describe(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not a JSON " + what + " object but " + kind(tree));
        }
        return tree;
    }

    /** What a JSON value is, for a reason: "an array", "a string", "null", ... */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    public static String tooLarge(String what, int size, int maxBytes) {
        return what + " message of " + size + " bytes is over the limit of " + maxBytes + " bytes";
    }

    /**
     * Jackson's reason without its source dump: for a field of the wrong type the field's path
     * first ({@code field 'turns[0].usage'}), for broken JSON the line and column.
     */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "': " + message;
        }
        JsonLocation at = e.getLocation();
        if (!(e instanceof DatabindException) && at != null && at.getLineNr() > 0) {
            return message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The UTF-8 length, counted without copying the payload. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
