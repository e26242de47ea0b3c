package org.itera.core.grading;

import java.util.List;
import java.util.Optional;

/**
 * Reads the final answer out of a model's reply and normalises it: a letter {@code A}..,
 * {@code yes}/{@code no}/{@code maybe}, or a canonical number ({@code 72}, {@code 0.5},
 * {@code 3.5E-8}) or list ({@code [2, 1.32]}).
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Markers first.</b> Markdown emphasis is dropped, then explicit markers are collected
 *       (see {@link MarkerFinder}): {@code Answer:}, {@code Final answer:}, {@code the (correct)
 *       answer is}, a {@code Final Answer} heading, {@code \boxed{..}}, {@code #### 72},
 *       {@code (B) is the correct answer}. They are tried from the last to the first, and the
 *       last one whose text can be read wins; a marker followed by prose ("the answer is based
 *       on ...") is thus skipped in favour of an earlier real one. Text without any readable
 *       marker falls through to rule 3.</li>
 *   <li><b>Reading after a marker.</b>
 *     <ul>
 *       <li>LETTER: a letter at the start, optionally after "option"/"choice" and in brackets,
 *           that stands alone ({@code B}, {@code (c)}, {@code B) 4}, {@code B. Because}); "A"/"I"
 *           or a lower-case letter followed by an ordinary word ("a bit") is prose, not an
 *           answer. A letter beyond the number of choices makes the result empty.</li>
 *       <li>YES_NO_MAYBE: the first word, optionally after "so,", "likely", ....</li>
 *       <li>NUMBER: a bracketed list if present; else the first number after the last "=",
 *           "≈" or "is" outside parentheses; else the first number. Commas, {@code $}, units, {@code %} (45% is 45), {@code 1/2},
 *           {@code 3.5e-8} and {@code 2 \times 10^{-3}} are understood.</li>
 *     </ul></li>
 *   <li><b>Without a marker</b>, only unambiguous replies are read:
 *     <ul>
 *       <li>LETTER: the last non-blank line is just a letter ({@code B}, {@code (C).},
 *           {@code Option D}).</li>
 *       <li>YES_NO_MAYBE: the last sentence is, or opens with, the word followed by punctuation
 *           or the end ({@code Yes.}, {@code So, no, ...}); "I cannot say yes or no" is not.</li>
 *       <li>NUMBER: a short reply (at most 60 characters) holding exactly one number, with at
 *           most a hedge before it and a unit after it; or a last line whose last number
 *           follows "is"/"are"/"was"/"equals"/"="/"≈" and is followed by at most six words
 *           ({@code So she sold 48 + 24 = 72 clips.}).</li>
 *     </ul></li>
 * </ol>
 */
public final class AnswerExtractor {

    private AnswerExtractor() {
    }

    /** Extracts an answer; letters are limited to A–D. */
    public static Optional<String> extract(AnswerFormat format, String text) {
        return extract(format, text, AnswerFormat.DEFAULT_CHOICE_COUNT);
    }

    /** Extracts an answer; letters are limited to the first {@code choiceCount} letters. */
    public static Optional<String> extract(AnswerFormat format, String text, int choiceCount) {
        if (format == null || text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = TextCleaner.stripMarkdown(text);
        Optional<String> read = fromMarkers(format, MarkerFinder.find(plain));
        if (read.isEmpty()) {
            read = unmarked(format, plain);
        }
        return read.filter(answer -> inRange(format, answer, choiceCount));
    }

    private static Optional<String> fromMarkers(AnswerFormat format, List<MarkerFinder.Candidate> markers) {
        for (int i = markers.size() - 1; i >= 0; i--) {
            Optional<String> read = afterMarker(format, markers.get(i).text());
            if (read.isPresent()) {
                return read;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> afterMarker(AnswerFormat format, String announced) {
        return switch (format) {
            case LETTER -> LetterReader.afterMarker(announced);
            case YES_NO_MAYBE -> YesNoReader.afterMarker(announced);
            case NUMBER -> NumberReader.afterMarker(announced);
        };
    }

    private static Optional<String> unmarked(AnswerFormat format, String text) {
        return switch (format) {
            case LETTER -> LetterReader.unmarked(text);
            case YES_NO_MAYBE -> YesNoReader.unmarked(text);
            case NUMBER -> NumberReader.unmarked(text);
        };
    }

    private static boolean inRange(AnswerFormat format, String answer, int choiceCount) {
        if (format != AnswerFormat.LETTER) {
            return true;
        }
        int index = answer.charAt(0) - 'A';
        return index >= 0 && index < Math.max(1, choiceCount);
    }
}
