package org.itera.core.setting;

/**
 * The Wilson score interval of a proportion at 95% confidence: asymmetric around the observed rate,
 * inside [0, 1], and [0, 1] without trials. Used by the evaluation (finetune-service) and the CLI reports.
 */
public record Wilson(double low, double high) {

    private static final double Z = 1.959963984540054;

    public static Wilson of(int successes, int n) {
        if (n <= 0) {
            return new Wilson(0, 1);
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
