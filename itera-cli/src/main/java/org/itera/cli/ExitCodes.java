package org.itera.cli;

/**
 * The exit status of every {@code itera} command; {@code itera --help} lists them. A script that
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

    /** For picocli's generated help: the list under "Exit status". */
    public static final String[] DESCRIPTIONS = {
        "0:done",
        "1:failed (stderr says why and what to do)",
        "2:push: some lines were invalid",
        "3:round train: no agent had enough new examples",
        "4:every task graded, the repair loop still busy at the timeout",
        "5:status: some part of the stack is not running",
        "64:wrong usage",
        "130:interrupted",
    };

    private ExitCodes() {
    }
}
