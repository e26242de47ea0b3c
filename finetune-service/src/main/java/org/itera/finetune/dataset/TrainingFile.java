package org.itera.finetune.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itera.core.event.ChatMessage;
import org.itera.core.json.Json;

/**
 * An agent's training set in OpenAI's chat format, one {@code {"messages":[...]}} per line, checked
 * before upload: roles system/user/assistant only, a non-empty assistant turn last, line and file
 * size limits, and at least a minimum of examples ({@link #MIN_EXAMPLES}, OpenAI's, unless
 * configured otherwise). Invalid examples are left out and counted by reason.
 */
public record TrainingFile(byte[] jsonl, List<String> exampleIds, Map<String, Integer> rejected, String problem) {

    /** OpenAI refuses a fine-tuning file with fewer examples. */
    public static final int MIN_EXAMPLES = 10;
    public static final int MAX_LINE_BYTES = 1 << 20;
    public static final long MAX_FILE_BYTES = 512L << 20;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public static TrainingFile of(List<Example> examples) {
        return of(examples, MIN_EXAMPLES);
    }

    /** The training set, valid with at least {@code minExamples} valid examples. */
    public static TrainingFile of(List<Example> examples, int minExamples) {
        StringBuilder jsonl = new StringBuilder();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> rejected = new LinkedHashMap<>();
        long bytes = 0;
        for (Example example : examples) {
            String line = line(example.messages());
            String reason = problemOf(example.messages(), line);
            if (reason != null) {
                rejected.merge(reason, 1, Integer::sum);
                continue;
            }
            bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            jsonl.append(line).append('\n');
            ids.add(example.id());
        }
        String problem = null;
        if (ids.size() < minExamples) {
            problem = ids.size() + " valid example(s), fewer than the " + minExamples + " a fine-tuning job needs";
        } else if (bytes > MAX_FILE_BYTES) {
            problem = "training file of " + bytes + " bytes exceeds " + MAX_FILE_BYTES;
        }
        return new TrainingFile(jsonl.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(ids), rejected, problem);
    }

    public boolean valid() {
        return problem == null;
    }

    /** One JSONL line in OpenAI's chat format. */
    public static String line(List<ChatMessage> messages) {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode array = node.putArray("messages");
        for (ChatMessage m : messages == null ? List.<ChatMessage>of() : messages) {
            ObjectNode message = array.addObject().put("role", m.role()).put("content", m.content());
            if (m.weight() != null) {
                message.put("weight", m.weight());
            }
        }
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String problemOf(List<ChatMessage> messages, String line) {
        if (messages == null || messages.isEmpty()) {
            return "no messages";
        }
        for (ChatMessage m : messages) {
            if (m == null || !ROLES.contains(m.role())) {
                return "role other than system/user/assistant";
            }
            if (m.content() == null) {
                return "message without content";
            }
        }
        ChatMessage last = messages.get(messages.size() - 1);
        if (!"assistant".equals(last.role()) || last.content().isBlank()) {
            return "last message is not a non-empty assistant turn";
        }
        if (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
            return "line longer than " + MAX_LINE_BYTES + " bytes";
        }
        return null;
    }
}
