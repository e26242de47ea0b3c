package org.itera.finetune.training;

import java.util.List;

/**
 * Which trainees a round may train. A round that names {@code subjects} trains only the trainees
 * serving an agent of one of them; an ordinary round ({@code subjects} null: an automatic round, or
 * {@code POST /rounds} without subjects) trains every trainee but the {@link Trainee#onlyWhenNamed}
 * ones (teams trained from another team's library, e.g. ablation variants).
 */
public record RoundScope(List<String> subjects) {

    private static final RoundScope ORDINARY = new RoundScope(null);

    public RoundScope {
        subjects = subjects == null ? null : List.copyOf(subjects);
    }

    /** The scope of a round that names no subject. */
    public static RoundScope ordinary() {
        return ORDINARY;
    }

    /** Whether a round of this scope trains the trainee. */
    public boolean includes(Trainee trainee) {
        return subjects == null ? !trainee.onlyWhenNamed() : trainee.servesAnyOf(subjects);
    }
}
