package org.itera.core.grading;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a numeric answer and returns it in {@link NumericAnswer#canonical()} form. */
final class NumberReader {

    private static final String HEDGE = "(?:about|approximately|approx\\.?|roughly|around|nearly"
            + "|exactly|only|just|≈|~)";
    /** Text allowed before the number of a short bare reply. */
    private static final Pattern OPENING = Pattern.compile(
            "^[\\s:(]*(?:" + HEDGE + "\\s*)?$", Pattern.CASE_INSENSITIVE);
    /** The last "=", "≈" or " is " of an announced answer: the value follows it. */
    private static final Pattern LAST_EQUALS = Pattern.compile(
            "(?s).*(?:=|≈|\\bis\\b|\\bare\\b)", Pattern.CASE_INSENSITIVE);
    /** Without a marker, the last number must follow one of these ... */
    private static final Pattern STATEMENT_END = Pattern.compile(
            "(?:\\b(?:is|are|was|were|equals|be)|=|≈)\\s*(?:(?:therefore|thus|then|hence)\\s+)?"
                    + "(?:" + HEDGE + "\\s*)?$",
            Pattern.CASE_INSENSITIVE);
    /** ... and at most six words (units, "clips altogether") and a full stop may follow it. */
    private static final Pattern TRAILING_WORDS = Pattern.compile("^(?:\\s+[^\\s\\d][^\\s]*){0,6}\\s*[.!]?\\s*$");
    /** A short reply that is only a number, perhaps with a hedge before it and a unit after. */
    private static final Pattern UNIT_TAIL = Pattern.compile("^(?:\\s*[^\\s\\d][^\\s]*){0,3}\\s*[.!]?$");
    private static final int BARE_REPLY_LIMIT = 60;

    private NumberReader() {
    }

    /**
     * From announced text: a bracketed list if there is one; else the first number after its last
     * "=", "≈" or "is" outside parentheses ({@code 48 + 24 = 72}); else its first number
     * ({@code 0.31 s (T = 2π√(m/k))}).
     */
    static Optional<String> afterMarker(String announced) {
        String s = clean(announced);
        Optional<NumericAnswer> list = NumberParser.findList(s);
        if (list.isPresent()) {
            return list.map(NumericAnswer::canonical);
        }
        List<NumberParser.Found> numbers = NumberParser.findAll(s);
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> stated = afterLastEquals(s);
        if (stated.isPresent()) {
            return stated;
        }
        return canonical(numbers.get(0));
    }

    private static Optional<String> afterLastEquals(String s) {
        Matcher equals = LAST_EQUALS.matcher(maskParentheses(s));
        if (!equals.lookingAt()) {
            return Optional.empty();
        }
        List<NumberParser.Found> after = NumberParser.findAll(s.substring(equals.end()));
        return after.isEmpty() ? Optional.empty() : canonical(after.get(0));
    }

    /** Blanks out bracketed asides, keeping every character's position. */
    private static String maskParentheses(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : 0;
            out.append(depth > 0 ? ' ' : c);
            depth -= c == ')' && depth > 0 ? 1 : 0;
        }
        return out.toString();
    }

    /** Without a marker: a short bare number (or list), or a last line ending "... is 72." */
    static Optional<String> unmarked(String text) {
        String whole = clean(text);
        if (whole.length() <= BARE_REPLY_LIMIT) {
            Optional<String> bare = bareNumber(whole);
            if (bare.isPresent()) {
                return bare;
            }
        }
        return statedAtEnd(clean(TextCleaner.lastNonBlankLine(text)));
    }

    private static Optional<String> bareNumber(String s) {
        if (s.startsWith("[") && s.replaceFirst("[.!]$", "").endsWith("]")) {
            return NumberParser.findList(s).map(NumericAnswer::canonical);
        }
        List<NumberParser.Found> numbers = NumberParser.findAll(s);
        if (numbers.size() != 1) {
            return Optional.empty();
        }
        NumberParser.Found only = numbers.get(0);
        boolean opens = OPENING.matcher(s.substring(0, only.start())).matches();
        boolean unitOnly = UNIT_TAIL.matcher(s.substring(only.end())).matches();
        return opens && unitOnly ? canonical(only) : Optional.empty();
    }

    private static Optional<String> statedAtEnd(String line) {
        List<NumberParser.Found> numbers = NumberParser.findAll(line);
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        NumberParser.Found last = numbers.get(numbers.size() - 1);
        boolean stated = STATEMENT_END.matcher(line.substring(0, last.start())).find();
        boolean ends = TRAILING_WORDS.matcher(line.substring(last.end())).matches();
        return stated && ends ? canonical(last) : Optional.empty();
    }

    private static String clean(String text) {
        return TextCleaner.cleanMath(text).replace("{", "").replace("}", "").strip();
    }

    private static Optional<String> canonical(NumberParser.Found found) {
        return Optional.of(NumericAnswer.single(found.value()).canonical());
    }
}
