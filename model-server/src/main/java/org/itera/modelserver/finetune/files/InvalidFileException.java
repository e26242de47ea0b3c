package org.itera.modelserver.finetune.files;

/** An upload that is not an acceptable training file; the message names the first bad line. */
public class InvalidFileException extends RuntimeException {

    private final String param;

    public InvalidFileException(String message, String param) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
