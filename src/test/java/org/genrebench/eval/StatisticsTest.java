package org.genrebench.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each statistic against a value computed by hand or published (references in each test). */
class StatisticsTest {

    @Test
    void correctedResampledTMatchesHandComputation() {
        // d = a - b = {0.10, 0.05, 0, 0.15, 0.20}: mean 0.1, s² = 0.025/4 = 0.00625, n2/n1 = 1/4 (5-fold)
        // se = sqrt((1/5 + 1/4) · 0.00625) = 0.0530330, t = 1.885618, df 4; p from scipy.stats.t.sf: 0.132419
        double[] a = {0.80, 0.75, 0.70, 0.85, 0.90};
        double[] b = {0.70, 0.70, 0.70, 0.70, 0.70};
        var r = CorrectedResampledTTest.test(a, b, 0.25);
        assertEquals(0.1, r.meanDifference(), 1e-12);
        assertEquals(1.885618083164127, r.t(), 1e-9);
        assertEquals(4, r.df());
        assertEquals(0.1324189222202493, r.p(), 1e-6);
    }

    @Test
    void correctedIntervalIsWiderThanTheNaiveOne() {
        // mean 0.8 ± t_{4,0.975} · sqrt((1/5 + 1/4) · s²), s² = 0.00625 → [0.652757, 0.947243] (scipy)
        var ci = CorrectedResampledTTest.interval(new double[]{0.80, 0.75, 0.70, 0.85, 0.90}, 0.25, 0.95);
        assertEquals(0.8, ci.mean(), 1e-12);
        assertEquals(0.6527567628891833, ci.low(), 1e-6);
        assertEquals(0.9472432371108168, ci.high(), 1e-6);
        var single = CorrectedResampledTTest.interval(new double[]{0.7}, 0.25, 0.95);
        assertEquals(0.7, single.mean());
        assertTrue(Double.isNaN(single.low()) && Double.isNaN(single.high()), "one score has no spread to build an interval on");
    }

    @Test
    void holmOnAKnownVector() {
        // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → monotone 0.06
        assertArrayEquals(new double[]{0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[]{0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[]{1, 1}, Holm.adjust(new double[]{0.6, 0.9}), 1e-12);
    }

    @Test
    void mcNemarExactAndChiSquare() {
        // 1 vs 7 discordant: 2 · P(X ≤ 1 | Bin(8, ½)) = 2 · 9/256 = 0.0703125
        var exact = McNemar.test(1, 7);
        assertTrue(exact.exact());
        assertEquals(18.0 / 256, exact.p(), 1e-12);
        // 10 vs 30: (|10 − 30| − 1)² / 40 = 9.025, p = 0.0026631 (scipy.stats.chi2.sf)
        var chi = McNemar.test(10, 30);
        assertFalse(chi.exact());
        assertEquals(9.025, chi.statistic(), 1e-12);
        assertEquals(0.002663119259138558, chi.p(), 1e-6);
        assertEquals(1, McNemar.test(0, 0).p());
        var paired = McNemar.test(new boolean[]{true, true, false, false, true}, new boolean[]{true, false, true, false, false});
        assertEquals(2, paired.onlyA());
        assertEquals(1, paired.onlyB());
    }

    /** Demšar (2006), Table 6: AUC of C4.5 with and without m and cf tuning on 14 data sets. */
    static final double[][] DEMSAR_TABLE_6 = {
            {0.763, 0.768, 0.771, 0.798}, {0.599, 0.591, 0.590, 0.569}, {0.954, 0.971, 0.968, 0.967},
            {0.628, 0.661, 0.654, 0.654}, {0.882, 0.888, 0.886, 0.898}, {0.936, 0.931, 0.916, 0.931},
            {0.661, 0.668, 0.609, 0.685}, {0.583, 0.583, 0.563, 0.625}, {0.775, 0.838, 0.866, 0.875},
            {1.000, 1.000, 1.000, 1.000}, {0.940, 0.962, 0.965, 0.962}, {0.619, 0.666, 0.614, 0.669},
            {0.972, 0.981, 0.975, 0.975}, {0.957, 0.978, 0.946, 0.970}};

    @Test
    void friedmanReproducesDemsarsWorkedExample() {
        // Demšar §3.2.2: average ranks 3.143, 2.000, 2.893, 1.964; χ²_F = 9.28; F_F = 3.69; CD(α=0.05, k=4, N=14) = 1.25
        var r = Friedman.test(DEMSAR_TABLE_6, 0.05);
        assertArrayEquals(new double[]{3.143, 2.000, 2.893, 1.964}, r.averageRanks(), 5e-4);
        assertEquals(9.28, r.chiSquare(), 5e-3);
        assertEquals(3.69, r.f(), 5e-3);
        assertTrue(r.p() < 0.05 && r.p() > 0.01, "F(3, 39) = 3.69 lies between the 5% (2.85) and 1% critical values");
        assertEquals(1.25, r.criticalDifference(), 5e-3);
    }

    @Test
    void unanimousTwoModelsOverFiveFoldsHaveTheExactP() {
        // svm ahead in all 5 folds: under the null each fold's order is a coin toss, so P(all alike) = 2 / 2^5
        double[][] scores = {{0.70, 0.74}, {0.68, 0.75}, {0.66, 0.71}, {0.69, 0.77}, {0.72, 0.73}};
        var r = Friedman.test(scores, 0.05);
        assertEquals(Friedman.Method.EXACT, r.method());
        assertEquals(0.0625, r.p(), 1e-12);
        assertEquals(5.0, r.chiSquare(), 1e-12);
        assertTrue(Double.isInfinite(r.f()), "every fold ranks alike: F_F has no finite value");
        // the same for any unanimous ranking, e.g. one run given twice to `report`: 3 models, 2 blocks, P = 3! / 3!^2
        assertEquals(1.0 / 6, Friedman.test(new double[][]{{0.5, 0.7, 0.6}, {0.5, 0.7, 0.6}}, 0.05).p(), 1e-12);
    }

    @Test
    void exactPMatchesBruteForceEnumerationWithTies() {
        double[][] scores = {{0.9, 0.8, 0.7}, {0.6, 0.6, 0.7}, {0.9, 0.5, 0.8}, {0.4, 0.3, 0.4}};
        var r = Friedman.test(scores, 0.05);
        assertEquals(Friedman.Method.EXACT, r.method());
        // every one of 6 * 3 * 6 * 3 arrangements of the blocks' rank vectors, each equally likely
        double[][] ranks = Arrays.stream(scores).map(Friedman::ranks).toArray(double[][]::new);
        List<List<double[]>> perBlock = Arrays.stream(ranks).map(StatisticsTest::distinctArrangements).toList();
        int total = 1, atLeast = 0;
        for (List<double[]> b : perBlock) total *= b.size();
        for (int code = 0; code < total; code++) {
            double[][] drawn = new double[ranks.length][];
            for (int b = 0, c = code; b < ranks.length; c /= perBlock.get(b).size(), b++) drawn[b] = perBlock.get(b).get(c % perBlock.get(b).size());
            if (chiSquareOfRanks(drawn) >= r.chiSquare() - 1e-9) atLeast++;
        }
        assertEquals((double) atLeast / total, r.p(), 1e-12);
    }

    @Test
    void blocksTooManyToEnumerateUseFOrChiSquare() {
        // 8 models × 5 folds is beyond the exact budget: F_F where it is finite, χ²_F where every fold ranks alike
        double[][] unanimous = new double[5][8], mixed = new double[5][8];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int b = 0; b < 5; b++) {
            for (int j = 0; j < 8; j++) {
                unanimous[b][j] = j + 0.1 * b;
                mixed[b][j] = rnd.nextDouble();
            }
        }
        var u = Friedman.test(unanimous, 0.05);
        assertEquals(Friedman.Method.CHI_SQUARE, u.method());
        assertEquals(1 - new smile.stat.distribution.ChiSquareDistribution(7).cdf(35), u.p(), 1e-12);
        assertTrue(u.p() > 0 && u.p() < 1e-4, "χ²_F = 35 on 7 degrees of freedom: " + u.p());
        var m = Friedman.test(mixed, 0.05);
        assertEquals(Friedman.Method.F, m.method());
        assertTrue(Double.isFinite(m.f()) && m.p() > 0 && m.p() <= 1);
    }

    private static List<double[]> distinctArrangements(double[] ranks) {
        List<double[]> out = new ArrayList<>();
        Set<List<Double>> seen = new HashSet<>();
        permute(ranks.clone(), 0, out, seen);
        return out;
    }

    private static void permute(double[] a, int from, List<double[]> out, Set<List<Double>> seen) {
        if (from == a.length) {
            if (seen.add(Arrays.stream(a).boxed().toList())) out.add(a.clone());
            return;
        }
        for (int i = from; i < a.length; i++) {
            double t = a[from]; a[from] = a[i]; a[i] = t;
            permute(a, from + 1, out, seen);
            t = a[from]; a[from] = a[i]; a[i] = t;
        }
    }

    private static double chiSquareOfRanks(double[][] ranks) {
        int n = ranks.length, k = ranks[0].length;
        double sumSq = 0;
        for (int j = 0; j < k; j++) {
            double avg = 0;
            for (double[] r : ranks) avg += r[j] / n;
            sumSq += avg * avg;
        }
        return 12.0 * n / (k * (k + 1.0)) * (sumSq - k * (k + 1.0) * (k + 1.0) / 4);
    }

    @Test
    void nemenyiQMatchesDemsarsTable() {
        // Demšar Table 5a, α = 0.05, k = 2..10
        double[] table = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
        for (int k = 2; k <= 10; k++) assertEquals(table[k - 2], Friedman.nemenyiQ(k, 0.05), 1.5e-3, "k=" + k);
    }

    @Test
    void ranksShareTies() {
        assertArrayEquals(new double[]{2.5, 1, 2.5, 4}, Friedman.ranks(new double[]{0.5, 0.9, 0.5, 0.1}), 1e-12);
    }

    @Test
    void bootstrapIsDeterministicPerSeedAndKeepsGroupsTogether() {
        double[] scores = IntStream.range(0, 60).mapToDouble(i -> i % 3 == 0 ? 0 : 1).toArray();
        List<String> songs = IntStream.range(0, 60).mapToObj(i -> "s" + i).toList();
        var a = SongBootstrap.percentile(scores, songs, 2000, 7, 0.95);
        var b = SongBootstrap.percentile(scores, songs, 2000, 7, 0.95);
        var c = SongBootstrap.percentile(scores, songs, 2000, 8, 0.95);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(2.0 / 3, a.mean(), 1e-12);
        assertTrue(a.low() < a.mean() && a.mean() < a.high());
        // binomial standard error sqrt(p(1-p)/n) = 0.0609: the 95% interval is about ± 0.12
        assertEquals(0.24, a.high() - a.low(), 0.04);
        // one group holding every song: each resample draws the same songs, the interval has no width
        var one = SongBootstrap.percentile(scores, IntStream.range(0, 60).mapToObj(i -> "artist").toList(), 500, 7, 0.95);
        assertEquals(one.low(), one.high(), 1e-12);
    }

    @Test
    void classificationReportMatchesScikitLearnsExample() {
        // sklearn.metrics.classification_report docs: y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1]
        var cm = ConfusionMatrix.of(new int[]{0, 1, 2, 2, 2}, new int[]{0, 0, 2, 2, 1}, 3);
        var r = ClassificationReport.of(cm, List.of("class 0", "class 1", "class 2"));
        assertEquals(0.5, r.classes().get(0).precision(), 1e-12);
        assertEquals(1.0, r.classes().get(0).recall(), 1e-12);
        assertEquals(0.0, r.classes().get(1).f1(), 1e-12);
        assertEquals(0.8, r.classes().get(2).f1(), 1e-12);
        assertEquals(3, r.classes().get(2).support());
        assertEquals(0.60, r.accuracy(), 1e-12);
        assertEquals(0.50, r.macro().precision(), 5e-3);
        assertEquals(0.56, r.macro().recall(), 5e-3);
        assertEquals(0.49, r.macro().f1(), 5e-3);
        assertEquals(0.70, r.weighted().precision(), 5e-3);
        assertEquals(0.60, r.weighted().recall(), 5e-3);
        assertEquals(0.61, r.weighted().f1(), 5e-3);
    }

    @Test
    void aDifferenceWithoutSpreadHasNoTTestAndHolmLeavesItOut() {
        var r = CorrectedResampledTTest.test(new double[]{0.8, 0.8, 0.8}, new double[]{1.0, 1.0, 1.0}, 0.5);
        assertEquals(-0.2, r.meanDifference(), 1e-12);
        assertTrue(Double.isNaN(r.t()) && Double.isNaN(r.p()), r.toString());
        assertEquals(1.0, CorrectedResampledTTest.test(new double[]{0.8, 0.8}, new double[]{0.8, 0.8}, 0.5).p());
        double[] holm = Holm.adjust(new double[]{0.01, Double.NaN, 0.04});
        assertEquals(0.02, holm[0], 1e-12);
        assertTrue(Double.isNaN(holm[1]));
        assertEquals(0.04, holm[2], 1e-12);
    }
}
