package org.itera.core.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the places where a reply explicitly states its final answer, and the text each one
 * announces. Recognised markers:
 * <ul>
 *   <li>{@code Answer:}, {@code Final answer:}, {@code Correct answer:} (also with {@code =});</li>
 *   <li>{@code the answer is}, {@code the final/correct/best answer (option, choice) is ...};</li>
 *   <li>a {@code Final Answer} heading, whose answer is on the next short line;</li>
 *   <li>{@code \boxed{...}} and {@code \fbox{...}};</li>
 *   <li>a GSM8K-style line {@code #### 72} (a single token after the hashes);</li>
 *   <li>{@code (B) is the correct answer}, {@code option C is correct}, {@code (C) is correct}.</li>
 * </ul>
 * Markdown emphasis must already have been removed (see {@link TextCleaner#stripMarkdown}).
 */
final class MarkerFinder {

    /** A marker's position in the reply and the text it announces. */
    record Candidate(int position, String text) {
    }

    private static final Pattern WORD_MARKER = Pattern.compile(
            "(?:\\b(?:final|correct|right|best)\\s+(?:answer|option|choice)|\\banswer)\\b"
                    + "(?:\\s+(?:is|would\\s+be|should\\s+be|must\\s+be|will\\s+be)\\b[ \\t]*:?"
                    + "|[ \\t]*[:：=])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile(
            "\\bfinal\\s+answer[ \\t]*(?=\\R)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOXED = Pattern.compile("\\\\(?:boxed|fbox)\\s*\\{");
    private static final Pattern HASHES = Pattern.compile("(?m)^[ \\t]*####[ \\t]*(?=\\S+[ \\t]*$)");
    private static final Pattern LETTER_IS_CORRECT = Pattern.compile(
            "(?<!\\w)([(\\[]?[A-J][)\\]]?)\\s+is\\s+(?:the\\s+)?(?:correct|right|best|final)\\s+"
                    + "(?:answer|option|choice)\\b"
                    + "|\\b(?:option|choice)\\s+([(\\[]?[A-J][)\\]]?)\\s+is\\s+(?:the\\s+)?"
                    + "(?:correct|right|best)\\b"
                    + "|(?<!\\w)([(\\[][A-J][)\\]])\\s+is\\s+(?:the\\s+)?(?:correct|right|best)\\b",
            Pattern.CASE_INSENSITIVE);
    /** An answer on the line after a bare marker is only taken when the line is this short. */
    private static final int NEXT_LINE_LIMIT = 40;

    private MarkerFinder() {
    }

    /** All markers in the text, ordered by position (the last one is the final word). */
    static List<Candidate> find(String text) {
        List<Candidate> found = new ArrayList<>();
        addLineMarkers(WORD_MARKER, text, found);
        addLineMarkers(HEADING, text, found);
        addLineMarkers(HASHES, text, found);
        addBoxed(text, found);
        addLetterStatements(text, found);
        found.sort(Comparator.comparingInt(Candidate::position));
        return found;
    }

    private static void addLineMarkers(Pattern marker, String text, List<Candidate> found) {
        Matcher m = marker.matcher(text);
        while (m.find()) {
            found.add(new Candidate(m.start(), announcedText(text, m.end())));
        }
    }

    /** The rest of the marker's line, or the next line when the marker ends its line. */
    private static String announcedText(String text, int from) {
        String rest = text.substring(from);
        String[] lines = rest.split("\\R", -1);
        if (!lines[0].isBlank()) {
            return lines[0].strip();
        }
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String next = lines[i].strip();
                return next.length() <= NEXT_LINE_LIMIT ? next : "";
            }
        }
        return "";
    }

    private static void addBoxed(String text, List<Candidate> found) {
        Matcher m = BOXED.matcher(text);
        while (m.find()) {
            found.add(new Candidate(m.start(), bracedContent(text, m.end())));
        }
    }

    /** The text up to the brace that closes the one just before {@code from}. */
    private static String bracedContent(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(from, i).strip();
            }
        }
        return text.substring(from).strip();
    }

    private static void addLetterStatements(String text, List<Candidate> found) {
        Matcher m = LETTER_IS_CORRECT.matcher(text);
        while (m.find()) {
            String letter = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            found.add(new Candidate(m.start(), letter));
        }
    }
}
