package org.genrebench.eval;

import smile.stat.distribution.ChiSquareDistribution;
import smile.stat.distribution.FDistribution;
import smile.stat.distribution.GaussianDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Friedman test over N blocks (folds or datasets) × k models, with Iman &amp; Davenport's F statistic and the
 * Nemenyi critical difference of average ranks, as Demšar (2006) recommends for comparing classifiers.
 * Rank 1 is the best (highest) score; ties share their average rank.
 *
 * <p>The p-value is exact where the blocks are few enough to enumerate: under the null hypothesis each block's ranks
 * are a uniformly random arrangement of that block's own ranks (ties kept), so the distribution of χ²_F follows from
 * every arrangement of every block. That stays within {@link #EXACT_BUDGET} steps for 2 or 3 models over 100
 * blocks, 4 over 25 (5 folds × 5 repeats), 5 over 10, 6 over 5 and 8 over 2; beyond it the p-value comes from F_F's F
 * distribution, and from χ²_F's χ² distribution where F_F is unbounded (every block ranks the models the same way,
 * which the F form cannot express).
 */
public final class Friedman {
    /** Most (state, arrangement) steps the exact distribution may take before the approximation is used. */
    static final long EXACT_BUDGET = 5_000_000;

    private Friedman() {
    }

    /** Where a p-value comes from. */
    public enum Method {
        /** the exact permutation distribution of χ²_F */
        EXACT,
        /** Iman–Davenport's F_F against the F distribution */
        F,
        /** χ²_F against the χ² distribution with k − 1 degrees of freedom (F_F unbounded, too many blocks to enumerate) */
        CHI_SQUARE
    }

    /**
     * @param averageRanks   mean rank of each model over the blocks
     * @param chiSquare      Friedman's χ²_F, k − 1 degrees of freedom
     * @param f              Iman–Davenport's F_F, (k − 1, (k − 1)(N − 1)) degrees of freedom; infinite when every
     *                       block ranks the models the same way
     * @param p              p-value of the test, from {@code method}
     * @param method         how {@code p} was found
     * @param criticalDifference Nemenyi's CD at {@code alpha}: two models whose average ranks differ by more differ
     */
    public record Result(double[] averageRanks, int blocks, double chiSquare, double f, double p, Method method,
                         double alpha, double criticalDifference) {
    }

    /** @param scores {@code scores[block][model]}, higher is better */
    public static Result test(double[][] scores, double alpha) {
        int n = scores.length;
        int k = scores[0].length;
        if (n < 2 || k < 2) throw new IllegalArgumentException("the Friedman test needs at least two blocks and two models");
        double[] avg = new double[k];
        int[][] doubledRanks = new int[n][];
        for (int b = 0; b < n; b++) {
            double[] r = ranks(scores[b]);
            doubledRanks[b] = Arrays.stream(r).mapToInt(x -> (int) Math.round(2 * x)).toArray();
            for (int j = 0; j < k; j++) avg[j] += r[j] / n;
        }
        double sumSq = Arrays.stream(avg).map(r -> r * r).sum();
        double chi2 = 12.0 * n / (k * (k + 1.0)) * (sumSq - k * (k + 1.0) * (k + 1.0) / 4);
        double denominator = n * (k - 1.0) - chi2;
        // unanimous blocks give chi2 = n (k - 1) up to rounding: F_F is then unbounded
        double f = denominator <= 1e-9 * n * k ? Double.POSITIVE_INFINITY : (n - 1.0) * chi2 / denominator;
        double exact = exactP(doubledRanks);
        Method method = !Double.isNaN(exact) ? Method.EXACT : Double.isInfinite(f) ? Method.CHI_SQUARE : Method.F;
        double p = switch (method) {
            case EXACT -> exact;
            case F -> 1 - new FDistribution(k - 1, (k - 1) * (n - 1)).cdf(f);
            case CHI_SQUARE -> 1 - new ChiSquareDistribution(k - 1).cdf(chi2);
        };
        double cd = nemenyiQ(k, alpha) * Math.sqrt(k * (k + 1.0) / (6.0 * n));
        return new Result(avg, n, chi2, f, p, method, alpha, cd);
    }

    /**
     * P(χ²_F ≥ observed) when every block's ranks are arranged at random among the models, or NaN when that takes
     * more than {@link #EXACT_BUDGET} steps. χ²_F grows with the sum of squared rank sums, so that sum (of doubled
     * ranks, which are whole numbers even with ties) is the statistic. The state after some blocks is the sorted
     * vector of rank sums: the statistic does not depend on the models' order, and neither does the distribution.
     */
    static double exactP(int[][] doubledRanks) {
        int k = doubledRanks[0].length;
        long observed = sumOfSquares(columnSums(doubledRanks));
        Map<State, Double> states = new HashMap<>();
        states.put(new State(new int[k]), 1.0);
        long steps = 0;
        double tail = 0;
        for (int b = 0; b < doubledRanks.length; b++) {
            List<int[]> arrangements = arrangements(doubledRanks[b]);
            steps += (long) states.size() * arrangements.size();
            if (steps > EXACT_BUDGET) return Double.NaN;
            boolean last = b == doubledRanks.length - 1;
            Map<State, Double> next = new HashMap<>();
            double share = 1.0 / arrangements.size();
            for (Map.Entry<State, Double> e : states.entrySet()) {
                int[] sums = e.getKey().sums();
                double weight = e.getValue() * share;
                for (int[] a : arrangements) {
                    int[] s = new int[k];
                    for (int j = 0; j < k; j++) s[j] = sums[j] + a[j];
                    if (last) {
                        if (sumOfSquares(s) >= observed) tail += weight;
                    } else {
                        Arrays.sort(s);
                        next.merge(new State(s), weight, Double::sum);
                    }
                }
            }
            states = next;
        }
        return Math.min(1, tail);
    }

    /** A sorted vector of rank sums, compared by content. */
    private record State(int[] sums) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State other && Arrays.equals(sums, other.sums);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sums);
        }
    }

    /** Every distinct arrangement of {@code values} (ties make fewer than k!). */
    private static List<int[]> arrangements(int[] values) {
        int[] a = values.clone();
        Arrays.sort(a);
        List<int[]> out = new ArrayList<>();
        while (true) {
            out.add(a.clone());
            int i = a.length - 2;
            while (i >= 0 && a[i] >= a[i + 1]) i--;
            if (i < 0) return out;
            int j = a.length - 1;
            while (a[j] <= a[i]) j--;
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
            for (int lo = i + 1, hi = a.length - 1; lo < hi; lo++, hi--) {
                t = a[lo];
                a[lo] = a[hi];
                a[hi] = t;
            }
        }
    }

    private static int[] columnSums(int[][] rows) {
        int[] s = new int[rows[0].length];
        for (int[] r : rows) for (int j = 0; j < s.length; j++) s[j] += r[j];
        return s;
    }

    private static long sumOfSquares(int[] v) {
        long s = 0;
        for (int x : v) s += (long) x * x;
        return s;
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
