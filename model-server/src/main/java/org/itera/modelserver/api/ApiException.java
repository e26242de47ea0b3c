package org.itera.modelserver.api;

/** A request that fails with an OpenAI-style error body: status, type, message, param, code. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiException(int status, String type, String message, String param, String code) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public static ApiException invalid(String message, String param) {
        return new ApiException(400, "invalid_request_error", message, param, null);
    }

    public static ApiException unknownModel(String model) {
        return new ApiException(404, "invalid_request_error",
                "The model '" + model + "' does not exist; GET /v1/models lists the served models",
                "model", "model_not_found");
    }

    public static ApiException contextExceeded(int promptTokens, int context) {
        return new ApiException(400, "invalid_request_error",
                "The prompt has " + promptTokens + " tokens; this model's context holds " + context
                        + " tokens per request (prompt and completion)",
                "messages", "context_length_exceeded");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
