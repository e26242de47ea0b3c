package org.itera.core.setting.actorcritic;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge's verdict on the actor's answer, read strictly from its reply: a line that is only
 * {@code Verdict: accept} or {@code Verdict: reject} (any case, markdown emphasis and a final full
 * stop allowed). No such line, or lines that disagree, is {@link #UNPARSED}, which the episode
 * treats as a reject.
 */
public enum Verdict {
    ACCEPT, REJECT, UNPARSED;

    private static final Pattern LINE = Pattern.compile(
            "^[\\s>*_#-]*verdict[\\s*_]*:[\\s*_]*(accept|reject)[\\s*_]*\\.?[\\s*_]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /** Reads a judge's reply; never fails, whatever it says. */
    public static Verdict read(String reply) {
        if (reply == null) {
            return UNPARSED;
        }
        Set<Verdict> found = EnumSet.noneOf(Verdict.class);
        Matcher line = LINE.matcher(reply);
        while (line.find()) {
            found.add(valueOf(line.group(1).toUpperCase(Locale.ROOT)));
        }
        return found.size() == 1 ? found.iterator().next() : UNPARSED;
    }

    /** Whether the episode goes on to the critic: a reject, or a verdict that could not be read. */
    public boolean rejects() {
        return this != ACCEPT;
    }
}
