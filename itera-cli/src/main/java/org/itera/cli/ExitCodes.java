package org.itera.cli;

/**
 * The exit status of every {@code itera} command; {@code itera --help} lists them (the list in
 * {@link Itera}'s annotation, which must be a literal). A script that
 * drives Itera tells the outcomes apart by these numbers.
 */
public final class ExitCodes {

    /** Done as asked. */
    public static final int OK = 0;
    /** Failed: the message on stderr says why and what to do. */
    public static final int FAILED = 1;
    /** push: some lines of the file were invalid (the valid ones were sent, unless --strict). */
    public static final int INVALID_LINES = 2;
    /** round train: no agent had enough new examples for a fine-tuning round. */
    public static final int NOTHING_TO_TRAIN = 3;
    /** watch: every task was graded, but the repair loop was still working at the timeout. */
    public static final int REPAIRS_UNSETTLED = 4;
    /** status: some part of the local stack is not running. */
    public static final int NOT_RUNNING = 5;
    /** The command line was wrong. */
    public static final int USAGE = 64;
    /** Interrupted (Ctrl-C); what the command started was stopped. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
