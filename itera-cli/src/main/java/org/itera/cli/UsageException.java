package org.itera.cli;

/** The command line could not be understood; the message says why, for the user. */
public class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
