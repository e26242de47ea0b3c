package org.itera.modelserver.llama;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;

import java.util.List;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One GGUF model held by llama.cpp, with its admission limit. llama.cpp decodes up to
 * {@code parallel} sequences together (continuous batching) and queues the admitted rest;
 * admission is bounded by {@code parallel + queue} sequences.
 */
public final class LoadedModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final long created;
    private final LlamaModel llama;
    private final int slotContext;
    private final Semaphore admission;
    private volatile boolean stopping;
    private volatile boolean closed;
    private final int capacity;
    private boolean retired;

    LoadedModel(String id, long created, LlamaModel llama, int slotContext, int capacity) {
        this.id = id;
        this.created = created;
        this.llama = llama;
        this.slotContext = slotContext;
        this.capacity = capacity;
        this.admission = new Semaphore(capacity);
    }

    public String id() {
        return id;
    }

    /** When the model file was last modified, in epoch seconds. */
    public long created() {
        return created;
    }

    /** Tokens one sequence may hold, prompt and completion together. */
    public int slotContext() {
        return slotContext;
    }

    /** Renders the chat with the chat template from the GGUF metadata and counts its tokens. */
    public Prompt prompt(List<ChatMessage> messages) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode array = request.putArray("messages");
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role()).put("content", message.content());
        }
        String text = llama.applyTemplate(request.toString());
        return new Prompt(text, llama.encode(text).length);
    }

    /**
     * Takes places for {@code sequences} sequences, or fails at once when the queue is full
     * ({@link QueueFullException}) or the model was retired to be closed ({@link ModelRetiredException}).
     */
    public Ticket admit(int sequences) {
        if (!admission.tryAcquire(sequences)) {
            synchronized (this) {
                if (retired) {
                    throw new ModelRetiredException(id);
                }
            }
            throw new QueueFullException(id);
        }
        return new Ticket(admission, sequences);
    }

    /**
     * Takes every place if nobody holds one, so that no request can enter any more and the model
     * can be closed safely. False when the model is in use.
     */
    synchronized boolean retire() {
        if (!retired && admission.tryAcquire(capacity)) {
            retired = true;
        }
        return retired;
    }

    /**
     * Generates one completion, handing each piece of text to {@code onText} as it is decoded.
     * If {@code onText} throws (the client went away), the sequence is cancelled in llama.cpp.
     */
    public Completion generate(Prompt prompt, Sampling sampling, Consumer<String> onText) {
        LlamaIterator outputs = llama.generate(parameters(prompt, sampling)).iterator();
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        try {
            while (outputs.hasNext()) {
                LlamaOutput output = outputs.next();
                if (stopping) {
                    throw new ShuttingDownException(id);
                }
                // Every output but the last carries one decoded token; the last one only says "done".
                if (outputs.hasNext()) {
                    tokens++;
                }
                if (!output.text.isEmpty()) {
                    text.append(output.text);
                    onText.accept(output.text);
                }
            }
        } catch (RuntimeException e) {
            if (outputs.hasNext()) {
                outputs.cancel();
            }
            throw e;
        }
        int counted = Math.min(tokens, sampling.maxTokens());
        FinishReason reason = counted >= sampling.maxTokens() ? FinishReason.LENGTH : FinishReason.STOP;
        return new Completion(text.toString(), counted, reason);
    }

    private static InferenceParameters parameters(Prompt prompt, Sampling sampling) {
        InferenceParameters parameters = new InferenceParameters(prompt.text())
                .setNPredict(sampling.maxTokens())
                .setTemperature(sampling.temperature())
                .setTopP(sampling.topP())
                // Re-using a cached prompt changes the batch shapes and so, slightly, the logits;
                // evaluating it afresh keeps seeded greedy requests as repeatable as llama.cpp allows.
                .setCachePrompt(false);
        if (!sampling.stop().isEmpty()) {
            parameters.setStopStrings(sampling.stop().toArray(String[]::new));
        }
        if (sampling.seed() != null) {
            parameters.setSeed(sampling.seed());
        }
        return parameters;
    }

    /**
     * Cuts every generation short at its next token (they end with {@link ShuttingDownException}), so
     * that the model can be closed without decoding what is queued.
     */
    void stopGenerating() {
        stopping = true;
    }

    /**
     * Closes the model once every admitted request has given its place back, waiting at most
     * {@code timeout}; a model still in use then is left open (the process exit frees it), since
     * closing it would leave its requests blocked in llama.cpp.
     */
    boolean closeWhenIdle(Duration timeout) throws InterruptedException {
        if (closed) {
            return true;
        }
        if (!admission.tryAcquire(capacity, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        closed = true;
        llama.close();
        return true;
    }

    @Override
    public void close() {
        llama.close();
    }
}
