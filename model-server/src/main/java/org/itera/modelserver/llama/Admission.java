package org.itera.modelserver.llama;

/** A model and the places taken in it for one request; closing gives the places back. */
public record Admission(LoadedModel model, Ticket ticket) implements AutoCloseable {

    @Override
    public void close() {
        ticket.close();
    }
}
