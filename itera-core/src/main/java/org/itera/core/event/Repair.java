package org.itera.core.event;

/**
 * How a regenerated trajectory came about: the critic's feedback on one role, the models that
 * criticised, regenerated and rephrased, and the role's answer before and after rephrasing.
 */
public record Repair(
        String feedback,
        String criticModel,
        String regenerateModel,
        String rephraseModel,
        String originalOutput,
        String regeneratedOutput) {
}
