package org.itera.cli.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A method of the comparison as the team variant that runs it ({@code <subject><variant>}, e.g.
 * {@code arithmetic-star}): which team's train tasks it needs pushed (null: none), and whether it is
 * fine-tuned in the comparison's round (then evaluated on that round's models; else on the base models,
 * round 0, after the train tasks filled the library). The variants are team files in itera-core.
 */
public enum Method {

    SINGLE("single", "one agent, prompted", "-single", null, false),
    TEAM("team", "the team, prompted (multi-agent prompting)", "", null, false),
    STAR("star", "STaR: one agent fine-tuned on its right answers and rationalizations", "-star", "-star", true),
    SIRIUS("sirius", "SiriuS: the team fine-tuned per agent on its library, repairs included", "", "", true),
    NO_REPAIR("sirius-no-repair", "SiriuS on first-attempt successes only (no repairs)", "-norepair", "", true),
    SHARED("sirius-shared-model", "SiriuS with one model fine-tuned on every role's examples", "-shared", "", true),
    SHOTS("library-shots", "the team, prompted with its most similar library successes, never fine-tuned", "-shots", "",
            false);

    private final String id;
    private final String label;
    private final String variant;
    private final String trainTasksOf;
    private final boolean trained;

    Method(String id, String label, String variant, String trainTasksOf, boolean trained) {
        this.id = id;
        this.label = label;
        this.variant = variant;
        this.trainTasksOf = trainTasksOf;
        this.trained = trained;
    }

    /** The id in the report (one of {@link Comparison#METHODS}). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The team the method is evaluated with. */
    public String team(String subject) {
        return subject + variant;
    }

    /** The team whose train tasks the method needs (its own, or the base team's library), if any. */
    public Optional<String> trainTeam(String subject) {
        return Optional.ofNullable(trainTasksOf).map(suffix -> subject + suffix);
    }

    /** Whether the comparison's round fine-tunes it (else it runs on the base models). */
    public boolean trained() {
        return trained;
    }

    /** The methods named in a comma-separated list ({@code all}: every one), in the table's order. */
    public static List<Method> parse(String names) {
        if (names == null || names.isBlank() || "all".equalsIgnoreCase(names.trim())) {
            return List.of(values());
        }
        List<String> wanted = Arrays.stream(names.split(",")).map(n -> n.trim().toLowerCase(Locale.ROOT))
                .filter(n -> !n.isEmpty()).toList();
        for (String name : wanted) {
            if (Arrays.stream(values()).noneMatch(m -> m.id.equals(name))) {
                throw new IllegalArgumentException("unknown method '" + name + "' (known: " + ids() + ", or all)");
            }
        }
        return Arrays.stream(values()).filter(m -> wanted.contains(m.id)).toList();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Method::id).toList();
    }
}
