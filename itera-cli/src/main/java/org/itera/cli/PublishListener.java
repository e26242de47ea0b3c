package org.itera.cli;

/** Told about every send as the broker answers it; called from the producer's I/O thread. */
public interface PublishListener {

    PublishListener NONE = new PublishListener() {
        @Override
        public void sent() {
        }

        @Override
        public void failed() {
        }
    };

    /** One task was acknowledged by the broker. */
    void sent();

    /** One task could not be sent. */
    void failed();
}
