package org.itera.core.event;

/**
 * How a regenerated trajectory came about: the critic's feedback on one role, the models that
 * criticised, regenerated and rephrased, and the role's answer before and after rephrasing;
 * {@code method} is the team's repair mode ({@code critique}, or {@code rationalize}, which has no
 * critic and no rephrasing: its feedback, critic and rephrase models are null). Older events
 * without a method were critiques.
 */
public record Repair(
        String feedback,
        String criticModel,
        String regenerateModel,
        String rephraseModel,
        String originalOutput,
        String regeneratedOutput,
        String method) {

    public static final String CRITIQUE = "critique";
    public static final String RATIONALIZE = "rationalize";

    /** A critique repair (SiriuS's critic, regenerate, rephrase). */
    public static Repair critique(String feedback, String criticModel, String regenerateModel, String rephraseModel,
            String originalOutput, String regeneratedOutput) {
        return new Repair(feedback, criticModel, regenerateModel, rephraseModel, originalOutput, regeneratedOutput,
                CRITIQUE);
    }

    /** A rationalization: the role answered again with the correct answer as a hint. */
    public static Repair rationalize(String model, String originalOutput, String regeneratedOutput) {
        return new Repair(null, null, model, null, originalOutput, regeneratedOutput, RATIONALIZE);
    }
}
