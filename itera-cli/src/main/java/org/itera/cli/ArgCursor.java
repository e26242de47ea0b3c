package org.itera.cli;

/**
 * Walks the command line one token at a time. Options take their value either as the next token
 * ({@code --limit 20}) or inline ({@code --limit=20}); flags take none.
 */
final class ArgCursor {

    private final String[] args;
    private int next;

    ArgCursor(String[] args) {
        this.args = args.clone();
    }

    boolean hasNext() {
        return next < args.length;
    }

    String next() {
        return args[next++];
    }

    /** The option name of a token: the part before {@code =} of a long option. */
    String name(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
    }

    String value(String arg) throws UsageException {
        String name = name(arg);
        if (!name.equals(arg)) {
            return nonEmpty(name, arg.substring(name.length() + 1));
        }
        if (!hasNext() || args[next].startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return nonEmpty(name, next());
    }

    int intValue(String arg, int min) throws UsageException {
        String name = name(arg);
        String text = value(arg);
        int parsed;
        try {
            parsed = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, not '" + text + "'");
        }
        if (parsed < min) {
            throw new UsageException(name + " must be at least " + min + ", not " + parsed);
        }
        return parsed;
    }

    boolean flag(String arg) throws UsageException {
        if (!name(arg).equals(arg)) {
            throw new UsageException(name(arg) + " takes no value");
        }
        return true;
    }

    private static String nonEmpty(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a non-empty value");
        }
        return value;
    }
}
