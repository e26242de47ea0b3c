package org.itera.modelserver.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.itera.modelserver.api.CompletionBodies.Choice;
import org.itera.modelserver.api.CompletionBodies.Message;
import org.itera.modelserver.api.CompletionBodies.Usage;
import org.itera.modelserver.llama.Admission;
import org.itera.modelserver.llama.Completion;
import org.itera.modelserver.llama.LoadedModel;
import org.itera.modelserver.llama.ModelCatalog;
import org.itera.modelserver.llama.Prompt;
import org.itera.modelserver.llama.Sampling;
import org.itera.modelserver.llama.Ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions}. Everything that can be refused (bad body, unknown model,
 * queue full, prompt too long) is refused before anything is generated or streamed.
 */
@Path("/v1/chat/completions")
public class ChatCompletionResource {

    private final ModelCatalog catalog;

    public ChatCompletionResource(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response complete(String body) {
        ChatRequest request = ChatRequestParser.parse(body);
        // Admission comes first: it holds the model in memory (a fine-tuned one may otherwise be
        // unloaded) while the prompt is rendered and generated.
        Admission admission = catalog.admit(request.model(), request.n())
                .orElseThrow(() -> ApiException.unknownModel(request.model()));
        Ticket ticket = admission.ticket();
        CompletionJob job;
        try {
            job = accept(request, admission.model());
        } catch (RuntimeException e) {
            ticket.close();
            throw e;
        }
        if (request.stream()) {
            return Response.ok(new CompletionStream(job, ticket), "text/event-stream")
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no")
                    .build();
        }
        try (ticket) {
            return Response.ok(whole(job), MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    private static CompletionJob accept(ChatRequest request, LoadedModel model) {
        Prompt prompt = model.prompt(request.messages());
        int room = model.slotContext() - prompt.tokens();
        if (room < 1) {
            throw ApiException.contextExceeded(prompt.tokens(), model.slotContext());
        }
        int maxTokens = request.maxTokens() == null ? room : Math.min(request.maxTokens(), room);
        Sampling sampling = new Sampling(maxTokens, request.temperature(), request.topP(), request.stop(),
                request.seed());
        return new CompletionJob("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                System.currentTimeMillis() / 1000, request.model(), request, model, prompt, sampling);
    }

    private static CompletionBodies.Completion whole(CompletionJob job) {
        List<Choice> choices = new ArrayList<>();
        int completionTokens = 0;
        for (int index = 0; index < job.request().n(); index++) {
            Completion completion = job.runWhole(index);
            completionTokens += completion.tokens();
            choices.add(new Choice(index, new Message("assistant", completion.text()),
                    completion.finishReason().apiName()));
        }
        return new CompletionBodies.Completion(job.id(), job.created(), job.modelName(), choices,
                Usage.of(job.prompt().tokens(), completionTokens));
    }
}
