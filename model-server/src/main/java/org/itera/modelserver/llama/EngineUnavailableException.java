package org.itera.modelserver.llama;

/** The engine of a model cannot be reached now (it is starting again after a crash, or stopped). */
public class EngineUnavailableException extends EngineException {

    public EngineUnavailableException(String modelId, String why) {
        super("the llama.cpp engine of " + modelId + " is not available: " + why);
    }
}
