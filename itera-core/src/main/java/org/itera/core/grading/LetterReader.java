package org.itera.core.grading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a multiple-choice letter; the result is one upper-case letter, not yet range-checked. */
final class LetterReader {

    private static final Pattern LEADING_NOISE = Pattern.compile(
            "^[\\s\"'“‘*:~]*(?:(?:option|choice|letter)\\b[\\s:]*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_BRACKETS = Pattern.compile("^[(\\[]\\s*([A-Za-z])\\s*[)\\]]");
    private static final Pattern BARE = Pattern.compile("^([A-Za-z])(?![A-Za-z0-9]|['’][A-Za-z])");
    private static final Pattern CONNECTOR = Pattern.compile(
            "^(?:because|since|as|is|was|which|with|and|for|so)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LONE_LINE = Pattern.compile(
            "^(?:(?:option|choice)\\s*)?[(\\[]?([A-Za-z])[)\\]]?[.!]?$", Pattern.CASE_INSENSITIVE);
    private static final String CLOSING = ")]:,;!?*\"'”’";

    private LetterReader() {
    }

    /** The letter at the start of the text a marker announced. */
    static Optional<String> afterMarker(String announced) {
        String s = LEADING_NOISE.matcher(TextCleaner.cleanMath(announced).strip()).replaceFirst("");
        Matcher bracketed = IN_BRACKETS.matcher(s);
        if (bracketed.lookingAt()) {
            return Optional.of(upper(bracketed.group(1)));
        }
        Matcher bare = BARE.matcher(s);
        if (bare.lookingAt() && standsAlone(bare.group(1).charAt(0), s.substring(bare.end()))) {
            return Optional.of(upper(bare.group(1)));
        }
        return Optional.empty();
    }

    /** Without a marker, only a last line that is nothing but a letter counts. */
    static Optional<String> unmarked(String text) {
        String line = TextCleaner.cleanMath(TextCleaner.lastNonBlankLine(text)).strip();
        Matcher m = LONE_LINE.matcher(line);
        return m.matches() ? Optional.of(upper(m.group(1))) : Optional.empty();
    }

    /**
     * Whether a single letter followed by {@code rest} is an option label rather than a word: it
     * must be followed by the end, closing punctuation, a non-word, or a further word; after "A",
     * "I" or a lower-case letter that word must be capitalised or a connector such as "because",
     * so that "A ball is thrown" and "I think" are not read as answers.
     */
    private static boolean standsAlone(char letter, String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        char first = rest.charAt(0);
        if (first == '.') {
            return rest.length() == 1 || !Character.isLetter(rest.charAt(1));
        }
        if (CLOSING.indexOf(first) >= 0) {
            return true;
        }
        if (!Character.isWhitespace(first)) {
            return false;
        }
        String next = rest.strip();
        if (next.isEmpty() || !Character.isLetter(next.charAt(0))) {
            return true;
        }
        boolean ambiguous = letter == 'A' || letter == 'I' || Character.isLowerCase(letter);
        return !ambiguous || Character.isUpperCase(next.charAt(0)) || CONNECTOR.matcher(next).lookingAt();
    }

    private static String upper(String letter) {
        return letter.toUpperCase(Locale.ROOT);
    }
}
