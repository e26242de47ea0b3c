package org.itera.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.itera.core.event.Payloads;
import org.itera.core.json.Json;

/**
 * A message that must land on its topic's dead-letter topic, under a key of its own, with a
 * {@code dead-letter-reason} that says each of {@code reasonSays}. {@link #common} gives the poison
 * every topic must survive; a test adds its topic's own (missing fields, unknown subject, ...)
 * with {@link #edit}. {@code value} may be null (a tombstone); {@code compressed} ones are sent
 * gzip-compressed, as only a compressing producer can put them on the broker.
 */
public record Poison(String name, String key, String value, boolean compressed, List<String> reasonSays) {

    /** How far an oversize poison is over its limit: one byte would do, this is clearly over. */
    public static final int OVERSIZE_MARGIN = 200_000;

    public static Poison of(String name, String value, String... reasonSays) {
        return new Poison(name, "poison-" + name + "-" + UUID.randomUUID(), value, false, List.of(reasonSays));
    }

    /**
     * Empty, a tombstone, not JSON, JSON but no object, nested too deep, and an oversize (otherwise valid)
     * {@code good}; {@code what} names the event in the reasons, {@code maxBytes} is the limit.
     */
    public static List<Poison> common(String what, String good, int maxBytes) {
        List<Poison> poison = new ArrayList<>();
        poison.add(of("empty", "", "empty " + what + " message"));
        poison.add(of("tombstone", null, "empty " + what + " message"));
        poison.add(of("not-json", "<task>what is 2+2?</task>", "not a JSON " + what + " object",
                "Unexpected character ('<'", "line 1, column 1"));
        poison.add(of("array", "[" + good + "]", "not a JSON " + what + " object but an array"));
        // deeper than Jackson's default limit of 1000: refused by the parser, no stack overflow
        poison.add(of("deep-nesting", "{\"id\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", "not a JSON " + what
                + " object", "nesting depth"));
        poison.add(oversize(good, maxBytes));
        return poison;
    }

    /** As {@link #common(String, String, int)} with the limit of every topic but {@code tasks}. */
    public static List<Poison> common(String what, String good) {
        return common(what, good, Payloads.MAX_MESSAGE_BYTES);
    }

    /** {@code good} padded with an unknown field past the size limit. */
    public static Poison oversize(String good, int maxBytes) {
        String padded = edit(good, o -> o.put("padding", "x".repeat(maxBytes + OVERSIZE_MARGIN)));
        int bytes = padded.getBytes(StandardCharsets.UTF_8).length;
        Poison p = of("oversize", padded, bytes + " bytes", "over the limit of " + maxBytes + " bytes");
        return new Poison(p.name(), p.key(), p.value(), true, p.reasonSays());
    }

    /** {@code json} (an object) changed by {@code change}. */
    public static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(json);
            change.accept(tree);
            return Json.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code json} with the object at {@code path} (field names, e.g. "trajectory", "task") changed. */
    public static String editAt(String json, Consumer<ObjectNode> change, String... path) {
        return edit(json, root -> {
            ObjectNode node = root;
            for (String field : path) {
                node = (ObjectNode) node.get(field);
            }
            change.accept(node);
        });
    }
}
