package org.itera.core.event;

/**
 * The graded outcome of a trajectory: what was read from the final answer ({@code null} when no
 * answer could be read), what was expected, and whether they match.
 */
public record Grade(String extracted, String expected, boolean correct, String detail) {

    public static Grade noAnswer(String expected, String detail) {
        return new Grade(null, expected, false, detail);
    }
}
