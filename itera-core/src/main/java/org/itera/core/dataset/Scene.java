package org.itera.core.dataset;

import java.util.List;
import java.util.Random;

/**
 * A little story the arithmetic of a problem is told in: who or what holds the amount, and the
 * phrases for the opening, each kind of change, and the question. Phrases are templates with the
 * tokens {@code {n}} (the number), {@code {items}}, {@code {subj}}, {@code {obj}}, {@code {intro}},
 * {@code {name}} and {@code {place}}; every number in the final text comes from {@code {n}}.
 */
record Scene(String items, String intro, String subj, String obj, String name, String place,
        List<String> openings, List<String> gains, List<String> losses, List<String> growths,
        List<String> questions) {

    Scene {
        openings = List.copyOf(openings);
        gains = List.copyOf(gains);
        losses = List.copyOf(losses);
        growths = List.copyOf(growths);
        questions = List.copyOf(questions);
    }

    String opening(Random rng, long n) {
        return fill(pick(rng, openings), n);
    }

    String change(Random rng, Step step) {
        List<String> phrases = switch (step.operation()) {
            case PLUS -> gains;
            case MINUS -> losses;
            case TIMES -> growths;
        };
        return fill(pick(rng, phrases), step.operand());
    }

    String question(Random rng) {
        return fill(pick(rng, questions), 0);
    }

    private String fill(String template, long n) {
        return template.replace("{n}", Long.toString(n))
                .replace("{items}", items)
                .replace("{intro}", intro)
                .replace("{subj}", subj)
                .replace("{obj}", obj)
                .replace("{name}", name)
                .replace("{place}", place);
    }

    static <T> T pick(Random rng, List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }
}
