package org.genrebench.eval;

import org.genrebench.dataset.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores chunk-level predictions on the song: a 30-second row is its own song, while 3-second rows and spectrogram
 * windows are pooled by mean probability (the headline) and by majority vote (ties broken by mean probability).
 */
public final class SongAggregator {
    private SongAggregator() {
    }

    /**
     * @param songs     song of each song, in first-seen order
     * @param labels    each song's true class
     * @param meanProba each song's mean chunk probability
     * @param meanPred  argmax of {@code meanProba}
     * @param votePred  the class most chunks predicted
     */
    public record Songs(List<String> songs, int[] labels, double[][] meanProba, int[] meanPred, int[] votePred) {
    }

    /**
     * Song accuracy (mean chunk probability per song) of {@code proba}, whose row {@code k} belongs to
     * {@code samples.get(rows[k])}.
     */
    public static double songAccuracy(List<? extends Sample<?>> samples, int[] rows, double[][] proba,
                                      int numClasses) {
        Songs songs = aggregate(Arrays.stream(rows).mapToObj(i -> samples.get(i).songId()).toList(),
                Arrays.stream(rows).map(i -> samples.get(i).label()).toArray(), proba);
        return ConfusionMatrix.of(songs.labels(), songs.meanPred(), numClasses).accuracy();
    }

    public static Songs aggregate(List<String> songIds, int[] labels, double[][] proba) {
        int k = proba.length == 0 ? 0 : proba[0].length;
        Map<String, Integer> index = new LinkedHashMap<>();
        List<double[]> sums = new ArrayList<>();
        List<double[]> votes = new ArrayList<>();
        List<Integer> songLabels = new ArrayList<>();
        List<Integer> chunkCounts = new ArrayList<>();
        for (int i = 0; i < proba.length; i++) {
            int s = index.computeIfAbsent(songIds.get(i), id -> {
                sums.add(new double[k]);
                votes.add(new double[k]);
                chunkCounts.add(0);
                return sums.size() - 1;
            });
            if (s == songLabels.size()) songLabels.add(labels[i]);
            else if (songLabels.get(s) != labels[i]) {
                throw new IllegalArgumentException("song " + songIds.get(i) + " has chunks with different labels");
            }
            for (int c = 0; c < k; c++) sums.get(s)[c] += proba[i][c];
            votes.get(s)[Stats.argmax(proba[i])] += 1;
            chunkCounts.set(s, chunkCounts.get(s) + 1);
        }
        int n = sums.size();
        double[][] mean = new double[n][];
        int[] meanPred = new int[n];
        int[] votePred = new int[n];
        for (int s = 0; s < n; s++) {
            mean[s] = sums.get(s).clone();
            for (int c = 0; c < k; c++) mean[s][c] /= chunkCounts.get(s);
            meanPred[s] = Stats.argmax(mean[s]);
            double[] v = votes.get(s).clone();
            // A vote tie goes to the class with the higher mean probability: add a sub-vote tie-breaker.
            for (int c = 0; c < k; c++) v[c] += mean[s][c] * 1e-6;
            votePred[s] = Stats.argmax(v);
        }
        return new Songs(List.copyOf(index.keySet()), songLabels.stream().mapToInt(Integer::intValue).toArray(),
                mean, meanPred, votePred);
    }
}
