package org.itera.modelserver.llama;

/** The server is stopping: a generation in progress was cut short (the client should retry later). */
public class ShuttingDownException extends RuntimeException {

    public ShuttingDownException(String modelId) {
        super("model-server is shutting down; the completion for " + modelId + " was stopped");
    }
}
