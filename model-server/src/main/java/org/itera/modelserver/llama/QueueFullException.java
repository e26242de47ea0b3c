package org.itera.modelserver.llama;

/** Every slot is busy and the waiting line of a model is full. */
public class QueueFullException extends RuntimeException {

    public QueueFullException(String modelId) {
        super("model " + modelId + " is busy: all slots and the queue are full");
    }
}
