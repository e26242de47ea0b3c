package org.itera.core.grading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code yes}, {@code no} or {@code maybe}, returned in lower case. The verdict must open
 * the text (after an optional "so,", "likely", ...), and its clause must not name a second,
 * different verdict ("yes or no depends on ..." is not an answer).
 */
final class YesNoReader {

    private static final String LEAD_IN = "^[\\s\"'“‘(*:~]*(?:(?:so|thus|therefore|hence|overall"
            + "|probably|likely|most\\s+likely|definitely|clearly|in\\s+conclusion|in\\s+summary"
            + "|in\\s+short)\\s*,?\\s*)?";
    /** After a marker: the first word (after an optional lead-in) is the verdict. */
    private static final Pattern MARKED = Pattern.compile(
            LEAD_IN + "(yes|no|maybe)\\b", Pattern.CASE_INSENSITIVE);
    /** Without a marker: the verdict word must also be followed by punctuation or the end. */
    private static final Pattern UNMARKED = Pattern.compile(
            LEAD_IN + "(yes|no|maybe)(?=\\s*(?:[,.;:!)—–-]|$))", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERDICT = Pattern.compile("\\b(yes|no|maybe)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_END = Pattern.compile("[,.;!?]");

    private YesNoReader() {
    }

    static Optional<String> afterMarker(String announced) {
        return firstVerdict(MARKED, announced);
    }

    /** A reply that is just the word, or whose last sentence opens with it ("So, no."). */
    static Optional<String> unmarked(String text) {
        return firstVerdict(UNMARKED, TextCleaner.lastSentence(text));
    }

    private static Optional<String> firstVerdict(Pattern pattern, String text) {
        String s = TextCleaner.cleanMath(text).strip();
        Matcher m = pattern.matcher(s);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String verdict = m.group(1).toLowerCase(Locale.ROOT);
        return namesOtherVerdict(firstClause(s), verdict) ? Optional.empty() : Optional.of(verdict);
    }

    private static String firstClause(String s) {
        Matcher end = CLAUSE_END.matcher(s);
        return end.find() ? s.substring(0, end.start()) : s;
    }

    private static boolean namesOtherVerdict(String clause, String verdict) {
        Matcher m = VERDICT.matcher(clause);
        while (m.find()) {
            if (!m.group(1).equalsIgnoreCase(verdict)) {
                return true;
            }
        }
        return false;
    }
}
