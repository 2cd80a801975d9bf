package org.genrebench.eval;

import smile.stat.distribution.TDistribution;

/**
 * Nadeau &amp; Bengio's corrected resampled t-test: a paired t-test on per-fold score differences whose variance is
 * inflated by {@code n_test / n_train}, because overlapping training sets make the folds far from independent.
 * For r repeats of k-fold CV the same statistic over all r·k scores is Bouckaert &amp; Frank's (2004) corrected
 * repeated k-fold test: {@code t = mean / sqrt((1/(r·k) + n2/n1) · s²)} with r·k − 1 degrees of freedom.
 */
public final class CorrectedResampledTTest {
    private CorrectedResampledTTest() {
    }

    /**
     * @param meanDifference mean of a − b over folds; {@code p} is two-sided, and NaN (with {@code t} NaN) when the
     *                       difference is the same non-zero value on every fold: with no spread the test says nothing
     *                       (a single split repeated over model seeds often gives this; read McNemar there)
     */
    public record Result(double meanDifference, double t, int df, double p) {
    }

    /** A confidence interval around a mean. */
    public record Interval(double mean, double low, double high) {
        public boolean contains(double x) {
            return low <= x && x <= high;
        }
    }

    public static Result test(double[] a, double[] b, double testTrainRatio) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("need two paired score lists of equal length >= 2");
        }
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[i] - b[i];
        double mean = Stats.mean(d);
        double se = standardError(d, testTrainRatio);
        if (se == 0) return mean == 0 ? new Result(0, 0, n - 1, 1) : new Result(mean, Double.NaN, n - 1, Double.NaN);
        double t = mean / se;
        double p = 2 * (1 - new TDistribution(n - 1).cdf(Math.abs(t)));
        return new Result(mean, t, n - 1, p);
    }

    /**
     * The corrected resampled interval of a CV mean: {@code mean ± t_{df, 1-α/2} · se} with the corrected
     * standard error above; undefined (NaN ends) for a single score.
     */
    public static Interval interval(double[] scores, double testTrainRatio, double level) {
        double mean = Stats.mean(scores);
        if (scores.length < 2) return new Interval(mean, Double.NaN, Double.NaN);
        double half = new TDistribution(scores.length - 1).quantile(1 - (1 - level) / 2) * standardError(scores, testTrainRatio);
        return new Interval(mean, mean - half, mean + half);
    }

    private static double standardError(double[] v, double testTrainRatio) {
        double var = Math.pow(Stats.std(v), 2);
        return Math.sqrt((1.0 / v.length + testTrainRatio) * var);
    }

    /** Mean over folds of n_test / n_train, the correction's ratio for one model's folds. */
    public static double testTrainRatio(ModelResult m) {
        return m.folds().stream().mapToDouble(f -> f.testIndex().length / (double) f.trainSize()).average().orElse(0);
    }

    /** Compares two models' per-fold song accuracies on the same folds. */
    public static Result compare(ModelResult a, ModelResult b) {
        return test(a.perFold(FoldScores::accuracy), b.perFold(FoldScores::accuracy), testTrainRatio(a));
    }
}
