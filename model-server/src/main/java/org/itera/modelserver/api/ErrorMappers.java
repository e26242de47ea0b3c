package org.itera.modelserver.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.finetune.files.InvalidFileException;
import org.itera.modelserver.llama.EngineException;
import org.itera.modelserver.llama.EngineUnavailableException;
import org.itera.modelserver.llama.QueueFullException;
import org.itera.modelserver.llama.ShuttingDownException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into OpenAI's error JSON with the right status; never a stack trace. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final ModelServerConfig config;

    public ErrorMappers(ModelServerConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return ErrorBody.response(e.status(), e.type(), e.getMessage(), e.param(), e.code());
    }

    @ServerExceptionMapper
    public Response invalidFile(InvalidFileException e) {
        return ErrorBody.response(400, "invalid_request_error", e.getMessage(), e.param(), null);
    }

    @ServerExceptionMapper
    public Response queueFull(QueueFullException e) {
        return retryLater("server_busy", e.getMessage(), "queue_full");
    }

    @ServerExceptionMapper
    public Response shuttingDown(ShuttingDownException e) {
        return retryLater("server_error", e.getMessage(), "shutting_down");
    }

    @ServerExceptionMapper
    public Response engineUnavailable(EngineUnavailableException e) {
        LOG.warn(e.getMessage());
        return retryLater("server_error", e.getMessage(), "engine_unavailable");
    }

    @ServerExceptionMapper
    public Response engine(EngineException e) {
        LOG.error(e.getMessage());
        return ErrorBody.response(500, "server_error", e.getMessage(), null, "engine_error");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String type = status >= 500 ? "server_error" : "invalid_request_error";
        return ErrorBody.response(status, type, e.getMessage(), null, null);
    }

    /** 503 with Retry-After: the request may succeed when it is sent again later. */
    private Response retryLater(String type, String message, String code) {
        return Response.fromResponse(ErrorBody.response(503, type, message, null, code))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return ErrorBody.response(500, "server_error", "internal error: " + e.getClass().getSimpleName(), null, null);
    }
}
