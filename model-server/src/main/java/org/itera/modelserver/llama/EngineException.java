package org.itera.modelserver.llama;

/** The engine of a model answered with an error, or broke off a completion. */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }
}
