package org.itera.modelserver.llama;

/** The model was taken out of memory between lookup and admission; look it up again. */
class ModelRetiredException extends RuntimeException {

    ModelRetiredException(String modelId) {
        super("model " + modelId + " was unloaded");
    }
}
