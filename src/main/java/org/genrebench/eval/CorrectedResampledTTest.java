package org.genrebench.eval;

import smile.stat.distribution.TDistribution;

/**
 * Nadeau &amp; Bengio's corrected resampled t-test: a paired t-test on per-fold score differences whose variance is
 * inflated by {@code n_test / n_train}, because overlapping training sets make the folds far from independent.
 */
public final class CorrectedResampledTTest {
    private CorrectedResampledTTest() {
    }

    /** @param meanDifference mean of a − b over folds; {@code p} is two-sided */
    public record Result(double meanDifference, double t, int df, double p) {
    }

    public static Result test(double[] a, double[] b, double testTrainRatio) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("need two paired score lists of equal length >= 2");
        }
        int k = a.length;
        double[] d = new double[k];
        for (int i = 0; i < k; i++) d[i] = a[i] - b[i];
        double mean = Stats.mean(d);
        double var = Math.pow(Stats.std(d), 2);
        double se = Math.sqrt((1.0 / k + testTrainRatio) * var);
        if (se == 0) return new Result(mean, mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean), k - 1, mean == 0 ? 1 : 0);
        double t = mean / se;
        double p = 2 * (1 - new TDistribution(k - 1).cdf(Math.abs(t)));
        return new Result(mean, t, k - 1, p);
    }

    /** Compares two models' per-fold song accuracies on the same folds. */
    public static Result compare(ModelResult a, ModelResult b) {
        double ratio = a.folds().stream().mapToDouble(f -> f.testIndex().length / (double) f.trainSize()).average().orElse(0);
        return test(a.perFold(FoldScores::accuracy), b.perFold(FoldScores::accuracy), ratio);
    }
}
