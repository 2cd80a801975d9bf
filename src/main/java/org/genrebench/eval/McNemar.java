package org.genrebench.eval;

import smile.stat.distribution.BinomialDistribution;
import smile.stat.distribution.ChiSquareDistribution;

/**
 * McNemar's test on paired predictions of the same items: only the discordant pairs count. With fewer than
 * {@value #EXACT_BELOW} discordant pairs the exact two-sided binomial test is used, otherwise the chi-square
 * statistic with Edwards' continuity correction.
 */
public final class McNemar {
    /** Discordant-pair count under which the exact binomial p-value is used. */
    public static final int EXACT_BELOW = 25;

    private McNemar() {
    }

    /**
     * @param onlyA items A got right and B wrong
     * @param onlyB items B got right and A wrong
     * @param exact whether the exact binomial test was used (else chi-square, 1 df, continuity-corrected)
     */
    public record Result(int onlyA, int onlyB, boolean exact, double statistic, double p) {
    }

    public static Result test(boolean[] aCorrect, boolean[] bCorrect) {
        if (aCorrect.length != bCorrect.length) throw new IllegalArgumentException("paired predictions differ in length");
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < aCorrect.length; i++) {
            if (aCorrect[i] && !bCorrect[i]) onlyA++;
            if (bCorrect[i] && !aCorrect[i]) onlyB++;
        }
        return test(onlyA, onlyB);
    }

    public static Result test(int onlyA, int onlyB) {
        int n = onlyA + onlyB;
        if (n == 0) return new Result(0, 0, true, 0, 1);
        if (n < EXACT_BELOW) {
            double tail = new BinomialDistribution(n, 0.5).cdf(Math.min(onlyA, onlyB));
            return new Result(onlyA, onlyB, true, Math.min(onlyA, onlyB), Math.min(1, 2 * tail));
        }
        double chi2 = Math.pow(Math.abs(onlyA - onlyB) - 1, 2) / n;
        return new Result(onlyA, onlyB, false, chi2, 1 - new ChiSquareDistribution(1).cdf(chi2));
    }
}
