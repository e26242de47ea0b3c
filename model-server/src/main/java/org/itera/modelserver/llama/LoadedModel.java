package org.itera.modelserver.llama;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One GGUF model served by its own llama.cpp engine ({@link LlamaServer}), with its admission
 * limit. The engine decodes up to {@code parallel} sequences together (continuous batching) and
 * queues the admitted rest; admission is bounded by {@code parallel + queue} sequences.
 */
public final class LoadedModel implements AutoCloseable {

    private final String id;
    private final long created;
    private final LlamaServer engine;
    private final EngineClient client;
    private final int slotContext;
    private final boolean cachePrompt;
    private final boolean stopLoops;
    private final Semaphore admission;
    /** Whole completions waiting for the engine; cancelled when the server stops. */
    private final Set<CompletableFuture<JsonNode>> inFlight = ConcurrentHashMap.newKeySet();
    private final int capacity;
    private volatile boolean stopping;
    private volatile boolean closed;
    private boolean retired;

    LoadedModel(String id, long created, LlamaServer engine, int slotContext, int capacity, boolean cachePrompt,
                boolean stopLoops) {
        this.id = id;
        this.created = created;
        this.engine = engine;
        this.client = new EngineClient(id, engine);
        this.slotContext = slotContext;
        this.capacity = capacity;
        this.cachePrompt = cachePrompt;
        this.stopLoops = stopLoops;
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

    /** Whether its engine is up and answering now. */
    public boolean serving() {
        return engine.serving();
    }

    /** The process id of its engine (-1 before the first start). */
    public long enginePid() {
        return engine.pid();
    }

    /** Renders the chat with the chat template from the GGUF metadata and tokenizes it. */
    public Prompt prompt(List<ChatMessage> messages) {
        String text = client.applyTemplate(messages);
        return new Prompt(text, client.tokenize(text));
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
     * If {@code onText} throws (the client went away), the sequence is cancelled in llama.cpp; so
     * is a reply that falls into a loop ({@link LoopGuard}) when loops are stopped: it ends there
     * with {@link FinishReason#LENGTH}, its tokens counted as the pieces streamed.
     */
    public Completion generate(Prompt prompt, Sampling sampling, Consumer<String> onText) {
        StringBuilder text = new StringBuilder();
        LoopGuard guard = new LoopGuard();
        int[] pieces = {0};
        try {
            JsonNode last = client.complete(CompletionBody.of(prompt, sampling, cachePrompt), event -> {
                if (stopping) {
                    throw new ShuttingDownException(id);
                }
                String piece = event.path("content").asText("");
                if (!piece.isEmpty()) {
                    text.append(piece);
                    pieces[0]++;
                    onText.accept(piece);
                    if (stopLoops && guard.loopsAfter(piece)) {
                        throw LoopStopped.INSTANCE;
                    }
                }
            });
            return completion(text.toString(), last, sampling);
        } catch (LoopStopped stopped) {
            return new Completion(text.toString(), pieces[0], FinishReason.LENGTH);
        }
    }

    /**
     * Generates one completion and returns it whole: in one answer from the engine (no text on the
     * way: cheaper for it), or, when loops are stopped, streamed so that a loop can be cut.
     */
    public Completion complete(Prompt prompt, Sampling sampling) {
        if (stopLoops) {
            return generate(prompt, sampling, piece -> { });
        }
        CompletableFuture<JsonNode> call = client.completeWhole(CompletionBody.of(prompt, sampling, cachePrompt));
        inFlight.add(call);
        try {
            if (stopping) {
                call.cancel(true);
            }
            JsonNode result = call.join();
            return completion(result.path("content").asText(""), result, sampling);
        } catch (CancellationException e) {
            throw new ShuttingDownException(id);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            inFlight.remove(call);
        }
    }

    private static Completion completion(String text, JsonNode last, Sampling sampling) {
        int counted = Math.min(last.path("tokens_predicted").asInt(), sampling.maxTokens());
        boolean cut = counted >= sampling.maxTokens() || "limit".equals(last.path("stop_type").asText())
                || last.path("truncated").asBoolean(false);
        return new Completion(text, counted, cut ? FinishReason.LENGTH : FinishReason.STOP);
    }

    /**
     * Cuts every generation short at its next token (they end with {@link ShuttingDownException}), so
     * that the model can be closed without decoding what is queued.
     */
    void stopGenerating() {
        stopping = true;
        inFlight.forEach(call -> call.cancel(true));
    }

    /**
     * Stops the engine once every admitted request has given its place back, waiting at most
     * {@code timeout}; a model still in use then is left running (its engine exits with this JVM).
     */
    boolean closeWhenIdle(Duration timeout) throws InterruptedException {
        if (closed) {
            return true;
        }
        if (!admission.tryAcquire(capacity, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        close();
        return true;
    }

    /** Ends a streamed completion that fell into a loop (no stack: it is control flow). */
    private static final class LoopStopped extends RuntimeException {
        static final LoopStopped INSTANCE = new LoopStopped();

        private LoopStopped() {
            super("the reply fell into a loop", null, false, false);
        }
    }

    @Override
    public void close() {
        closed = true;
        engine.close();
    }
}
