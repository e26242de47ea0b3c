package org.itera.core.setting.actorcritic;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judge's verdict on the actor's answer, read strictly from its reply. A verdict is a
 * statement, a whole line or the first sentence of a line, that is exactly one of the team's
 * accept or reject phrases ({@link ActorCriticRules}; by default {@code Verdict: accept} and
 * {@code Verdict: reject}), compared ignoring case, markdown emphasis, spaces around the colon and
 * a final full stop. No such statement, or statements that disagree, is {@link #UNPARSED}, which
 * the episode treats as a reject.
 */
public enum Verdict {
    ACCEPT, REJECT, UNPARSED;

    public static final List<String> DEFAULT_ACCEPT = List.of("Verdict: accept");
    public static final List<String> DEFAULT_REJECT = List.of("Verdict: reject");

    private static final Pattern EMPHASIS = Pattern.compile("[*_#>`]+");
    private static final Pattern LIST_MARK = Pattern.compile("^[-•]\\s+");
    private static final Pattern COLON = Pattern.compile("\\s*:\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern END = Pattern.compile("[\\s.!]+$");

    /** Reads a reply with the default phrases. */
    public static Verdict read(String reply) {
        return read(reply, DEFAULT_ACCEPT, DEFAULT_REJECT);
    }

    /** Reads a judge's reply; never fails, whatever it says. */
    public static Verdict read(String reply, List<String> accept, List<String> reject) {
        if (reply == null) {
            return UNPARSED;
        }
        List<String> accepted = accept.stream().map(Verdict::normal).toList();
        List<String> rejected = reject.stream().map(Verdict::normal).toList();
        Set<Verdict> found = EnumSet.noneOf(Verdict.class);
        for (String line : reply.split("\\R")) {
            for (String statement : List.of(normal(line), normal(firstSentence(line)))) {
                if (accepted.contains(statement)) {
                    found.add(ACCEPT);
                } else if (rejected.contains(statement)) {
                    found.add(REJECT);
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : UNPARSED;
    }

    /** Whether the episode goes on to the critic: a reject, or a verdict that could not be read. */
    public boolean rejects() {
        return this != ACCEPT;
    }

    private static String firstSentence(String line) {
        int end = line.indexOf(". ");
        return end < 0 ? line : line.substring(0, end);
    }

    private static String normal(String text) {
        String plain = LIST_MARK.matcher(EMPHASIS.matcher(text.strip()).replaceAll("").strip()).replaceAll("");
        String spaced = SPACES.matcher(COLON.matcher(plain).replaceAll(": ")).replaceAll(" ");
        return END.matcher(spaced).replaceAll("").strip().toLowerCase(Locale.ROOT);
    }
}
