package org.itera.core.grading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes Markdown emphasis and the LaTeX that models wrap around short answers. */
final class TextCleaner {

    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
    private static final Pattern TEXT_COMMAND =
            Pattern.compile("\\\\(?:text|mathrm|textbf|mathbf|rm|operatorname)\\s*\\{([^{}]*)}");
    private static final Pattern FRACTION =
            Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)}\\s*\\{([^{}]*)}");
    private static final Pattern BRACED_POWER = Pattern.compile("\\^\\s*\\{([^{}]*)}");
    private static final Pattern SPACING = Pattern.compile("\\\\[,!;:]|\\\\(?:left|right)\\b");
    private static final Pattern MATH_DELIMITER = Pattern.compile("\\\\[()\\[\\]]");
    private static final Pattern SIM = Pattern.compile("\\\\sim(?![a-zA-Z])");
    private static final Pattern SUPERSCRIPT = Pattern.compile("[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+");
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private TextCleaner() {
    }

    /** Drops bold/underline markers and backticks: {@code **Answer:** b} becomes {@code Answer: b}. */
    static String stripMarkdown(String text) {
        return EMPHASIS.matcher(text).replaceAll("");
    }

    /** Rewrites inline LaTeX into plain text that the readers understand. */
    static String cleanMath(String text) {
        String s = text.replace("\\$", "$").replace("$", "").replace("\\%", "%");
        s = TEXT_COMMAND.matcher(s).replaceAll(" $1");
        s = FRACTION.matcher(s).replaceAll("$1/$2");
        s = s.replace("{,}", ",");
        s = SPACING.matcher(s).replaceAll("");
        s = MATH_DELIMITER.matcher(s).replaceAll(" ");
        s = BRACED_POWER.matcher(s).replaceAll("^$1");
        s = s.replace("\\times", "×").replace("\\cdot", "×").replace("·", "×").replace("⋅", "×")
                .replace("\\approx", "≈").replace('−', '-');
        s = SIM.matcher(s).replaceAll("≈");
        return superscriptsToPowers(s);
    }

    /** {@code 10⁻⁸} becomes {@code 10^-8}. */
    private static String superscriptsToPowers(String s) {
        Matcher m = SUPERSCRIPT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder power = new StringBuilder("^");
            for (char c : m.group().toCharArray()) {
                int digit = SUPERSCRIPT_DIGITS.indexOf(c);
                power.append(digit >= 0 ? (char) ('0' + digit) : c == '⁻' ? '-' : '+');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(power.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The last line that is not blank, stripped; empty when there is none. */
    static String lastNonBlankLine(String text) {
        String[] lines = text.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }

    /** The last sentence of the last non-blank line. */
    static String lastSentence(String text) {
        String[] sentences = lastNonBlankLine(text).split("(?<=[.!?])\\s+");
        for (int i = sentences.length - 1; i >= 0; i--) {
            if (!sentences[i].isBlank()) {
                return sentences[i].strip();
            }
        }
        return "";
    }
}
