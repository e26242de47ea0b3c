package org.itera.cli.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itera.cli.round.PairedComparison;

/**
 * The methods' results side by side, in the order of {@link #METHODS} (other ids after them, as
 * given), each compared task by task with {@code single} when {@code single} is among them.
 */
public record Comparison(List<ComparisonRow> rows, boolean hasSingle) {

    public static final String SINGLE = "single";

    /** The methods of the paper's comparison, in the order of its table. */
    public static final List<String> METHODS = List.of(SINGLE, "team", "star", "sirius", "sirius-no-repair",
            "sirius-shared-model", "library-shots");

    public Comparison {
        rows = List.copyOf(rows);
    }

    /** Orders the results and pairs each with {@code single}; throws on no results or an id given twice. */
    public static Comparison of(List<MethodResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no method results to compare");
        }
        Set<String> seen = new HashSet<>();
        results.forEach(r -> {
            if (!seen.add(r.method())) {
                throw new IllegalArgumentException("method " + r.method() + " given twice");
            }
        });
        List<MethodResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(Comparison::rank));
        Optional<MethodResult> single = ordered.stream().filter(r -> SINGLE.equals(r.method())).findFirst();
        List<ComparisonRow> rows = ordered.stream().map(r -> new ComparisonRow(r, single
                .filter(s -> !s.method().equals(r.method()))
                .map(s -> PairedComparison.of(s.outcomes(), r.outcomes())))).toList();
        return new Comparison(rows, single.isPresent());
    }

    private static int rank(MethodResult result) {
        int index = METHODS.indexOf(result.method());
        return index < 0 ? METHODS.size() : index;
    }
}
