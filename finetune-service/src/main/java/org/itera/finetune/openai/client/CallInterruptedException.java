package org.itera.finetune.openai.client;

/**
 * A call given up because its thread was interrupted (the service is stopping): not a failure of
 * the API, so whatever it was part of is left to be resumed rather than recorded as failed.
 */
public class CallInterruptedException extends RuntimeException {

    public CallInterruptedException(String message) {
        super(message);
    }
}
