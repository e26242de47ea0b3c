package org.itera.cli;

/** The Kafka broker did not answer in time; the message says where and how long we waited. */
public class BrokerUnavailableException extends Exception {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
