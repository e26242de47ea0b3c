package org.itera.modelserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The JSON shapes of OpenAI's chat-completion replies, whole and streamed. */
final class CompletionBodies {

    private CompletionBodies() {
    }

    record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {
        Completion(String id, long created, String model, List<Choice> choices, Usage usage) {
            this(id, "chat.completion", created, model, choices, usage);
        }
    }

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    record Message(String role, String content) {
    }

    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                 @JsonProperty("completion_tokens") int completionTokens,
                 @JsonProperty("total_tokens") int totalTokens) {
        static Usage of(int promptTokens, int completionTokens) {
            return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage) {
        Chunk(String id, long created, String model, List<ChunkChoice> choices, Usage usage) {
            this(id, "chat.completion.chunk", created, model, choices, usage);
        }
    }

    record ChunkChoice(int index, Delta delta,
                       @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }
}
