package org.itera.modelserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;
import org.itera.modelserver.api.CompletionBodies.Chunk;
import org.itera.modelserver.api.CompletionBodies.ChunkChoice;
import org.itera.modelserver.api.CompletionBodies.Delta;
import org.itera.modelserver.api.CompletionBodies.Usage;
import org.itera.modelserver.llama.Completion;
import org.itera.modelserver.llama.Ticket;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a streamed completion as server-sent events: {@code data: <chunk JSON>} per piece of text,
 * a last chunk per choice with its finish_reason, optionally a usage chunk, then {@code data: [DONE]}.
 * A client that goes away cancels the generation; the admission ticket is always given back.
 */
final class CompletionStream implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(CompletionStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompletionJob job;
    private final Ticket ticket;

    CompletionStream(CompletionJob job, Ticket ticket) {
        this.job = job;
        this.ticket = ticket;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (ticket) {
            int completionTokens = 0;
            for (int index = 0; index < job.request().n(); index++) {
                int choice = index;
                send(out, chunk(List.of(new ChunkChoice(choice, new Delta("assistant", ""), null)), null));
                Completion completion = job.run(choice, text ->
                        send(out, chunk(List.of(new ChunkChoice(choice, new Delta(null, text), null)), null)));
                completionTokens += completion.tokens();
                send(out, chunk(List.of(new ChunkChoice(choice, new Delta(null, null),
                        completion.finishReason().apiName())), null));
            }
            if (job.request().includeUsage()) {
                send(out, chunk(List.of(), Usage.of(job.prompt().tokens(), completionTokens)));
            }
            sendRaw(out, "[DONE]");
        } catch (UncheckedIOException e) {
            LOG.debugf("client went away during %s: %s", job.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("streamed completion %s failed: %s", job.id(), e.toString());
            sendRaw(out, JSON.writeValueAsString(new ErrorBody(new ErrorBody.Detail(
                    "generation failed: " + e.getClass().getSimpleName(), "server_error", null, null))));
        }
    }

    private Chunk chunk(List<ChunkChoice> choices, Usage usage) {
        return new Chunk(job.id(), job.created(), job.modelName(), choices, usage);
    }

    private static void send(OutputStream out, Chunk chunk) {
        try {
            sendRaw(out, JSON.writeValueAsString(chunk));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendRaw(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
