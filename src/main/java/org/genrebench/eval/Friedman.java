package org.genrebench.eval;

import smile.stat.distribution.FDistribution;
import smile.stat.distribution.GaussianDistribution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Friedman test over N blocks (folds or datasets) × k models, with Iman &amp; Davenport's F statistic and the
 * Nemenyi critical difference of average ranks, as Demšar (2006) recommends for comparing classifiers.
 * Rank 1 is the best (highest) score; ties share their average rank.
 */
public final class Friedman {
    private Friedman() {
    }

    /**
     * @param averageRanks   mean rank of each model over the blocks
     * @param chiSquare      Friedman's χ²_F, k − 1 degrees of freedom
     * @param f              Iman–Davenport's F_F, (k − 1, (k − 1)(N − 1)) degrees of freedom
     * @param p              p-value of F_F
     * @param criticalDifference Nemenyi's CD at {@code alpha}: two models whose average ranks differ by more differ
     */
    public record Result(double[] averageRanks, int blocks, double chiSquare, double f, double p, double alpha,
                         double criticalDifference) {
    }

    /** @param scores {@code scores[block][model]}, higher is better */
    public static Result test(double[][] scores, double alpha) {
        int n = scores.length;
        int k = scores[0].length;
        if (n < 2 || k < 2) throw new IllegalArgumentException("the Friedman test needs at least two blocks and two models");
        double[] avg = new double[k];
        for (double[] block : scores) {
            double[] r = ranks(block);
            for (int j = 0; j < k; j++) avg[j] += r[j] / n;
        }
        double sumSq = Arrays.stream(avg).map(r -> r * r).sum();
        double chi2 = 12.0 * n / (k * (k + 1.0)) * (sumSq - k * (k + 1.0) * (k + 1.0) / 4);
        double denominator = n * (k - 1.0) - chi2;
        double f = denominator <= 0 ? Double.POSITIVE_INFINITY : (n - 1.0) * chi2 / denominator;
        double p = Double.isInfinite(f) ? 0 : 1 - new FDistribution(k - 1, (k - 1) * (n - 1)).cdf(f);
        double cd = nemenyiQ(k, alpha) * Math.sqrt(k * (k + 1.0) / (6.0 * n));
        return new Result(avg, n, chi2, f, p, alpha, cd);
    }

    /** Ranks of one block, 1 = highest, ties averaged. */
    static double[] ranks(double[] block) {
        Integer[] order = IntStream.range(0, block.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> block[i]).reversed()).toArray(Integer[]::new);
        double[] r = new double[block.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && block[order[end + 1]] == block[order[start]]) end++;
            double shared = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) r[order[i]] = shared;
            start = end + 1;
        }
        return r;
    }

    /**
     * Nemenyi's q_α: the 1 − α quantile of the studentized range of k standard normals (infinite degrees of
     * freedom) divided by √2, found by bisection on the range's distribution function
     * {@code P(W ≤ w) = k ∫ φ(z) (Φ(z) − Φ(z − w))^(k−1) dz}. Demšar's Table 5a lists the same values for k ≤ 10.
     */
    public static double nemenyiQ(int k, double alpha) {
        double lo = 0;
        double hi = 20;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (rangeCdf(mid, k) < 1 - alpha) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2 / Math.sqrt(2);
    }

    private static double rangeCdf(double w, int k) {
        GaussianDistribution normal = GaussianDistribution.getInstance();
        int steps = 4000;
        double a = -9;
        double h = 18.0 / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double z = a + i * h;
            double v = normal.p(z) * Math.pow(normal.cdf(z) - normal.cdf(z - w), k - 1);
            sum += v * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return k * sum * h / 3;
    }
}
