package org.genrebench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of an accuracy over test songs: whole groups (artists when the dataset knows them, else
 * songs) are drawn with replacement, so songs of one artist stay together as they do in the folds. Each song
 * contributes its score, e.g. the fraction of repeats in which its pooled out-of-fold prediction was right.
 */
public final class SongBootstrap {
    /** Resamples drawn; the interval's ends move by well under 0.005 between seeds at this count. */
    public static final int RESAMPLES = 2000;

    private SongBootstrap() {
    }

    /**
     * @param songScores one score per song
     * @param songGroups the group of each song, same order
     */
    public static CorrectedResampledTTest.Interval percentile(double[] songScores, List<String> songGroups, int resamples,
                                                             long seed, double level) {
        if (songScores.length != songGroups.size()) throw new IllegalArgumentException("scores and groups differ in length");
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < songScores.length; i++) byGroup.computeIfAbsent(songGroups.get(i), g -> new ArrayList<>()).add(i);
        int g = byGroup.size();
        double[] groupSum = new double[g];
        int[] groupSize = new int[g];
        int j = 0;
        for (List<Integer> members : byGroup.values()) {
            for (int i : members) groupSum[j] += songScores[i];
            groupSize[j++] = members.size();
        }
        double mean = Stats.mean(songScores);
        if (g == 0) return new CorrectedResampledTTest.Interval(mean, mean, mean);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            long n = 0;
            for (int d = 0; d < g; d++) {
                int pick = random.nextInt(g);
                sum += groupSum[pick];
                n += groupSize[pick];
            }
            stats[b] = sum / n;
        }
        Arrays.sort(stats);
        double tail = (1 - level) / 2;
        return new CorrectedResampledTTest.Interval(mean, quantile(stats, tail), quantile(stats, 1 - tail));
    }

    /** Linear interpolation between order statistics (numpy's default percentile). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
