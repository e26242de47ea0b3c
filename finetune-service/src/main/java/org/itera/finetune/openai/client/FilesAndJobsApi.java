package org.itera.finetune.openai.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * The calls Itera makes to OpenAI's Files and fine-tuning jobs API, as a Quarkus REST Client
 * interface; {@link OpenAiFineTuningClient} builds it on the configured base URL (ending in
 * {@code /v1}) and adds the key, the error mapping and the retries.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface FilesAndJobsApi extends AutoCloseable {

    /**
     * {@code POST /files}: the form holds {@code purpose} and the {@code file} part. A
     * {@link ClientMultipartForm}, because the file's name is only known at run time
     * ({@code @PartFilename} takes a constant).
     */
    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode uploadFile(ClientMultipartForm form);

    /** {@code POST /fine_tuning/jobs}. */
    @POST
    @Path("/fine_tuning/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode createJob(ObjectNode request);

    /** {@code GET /fine_tuning/jobs/{id}}. */
    @GET
    @Path("/fine_tuning/jobs/{id}")
    JsonNode job(@PathParam("id") String jobId);

    /** {@code GET /fine_tuning/jobs/{id}/events}. */
    @GET
    @Path("/fine_tuning/jobs/{id}/events")
    JsonNode events(@PathParam("id") String jobId, @QueryParam("limit") int limit);

    @Override
    void close();
}
