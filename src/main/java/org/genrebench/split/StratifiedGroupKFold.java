package org.genrebench.split;

import org.genrebench.util.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified group k-fold (the algorithm of scikit-learn's {@code StratifiedGroupKFold}, seeded):
 * every group (song, or artist when known) lands in exactly one test fold, and groups are placed greedily
 * so that each class's share of every fold stays close to its share of the whole.
 */
public final class StratifiedGroupKFold {
    private final int k;
    private final long seed;

    public StratifiedGroupKFold(int k, long seed) {
        if (k < 2) throw new UserException("--folds must be at least 2, got " + k);
        this.k = k;
        this.seed = seed;
    }

    /**
     * @param groups group id of each sample (same length as {@code labels})
     * @param labels class index of each sample
     */
    public List<Fold> split(List<String> groups, int[] labels) {
        if (groups.size() != labels.length) throw new IllegalArgumentException("groups and labels differ in length");
        int numClasses = Arrays.stream(labels).max().orElse(-1) + 1;
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        if (members.size() < k) {
            throw new UserException("cannot make " + k + " folds from " + members.size() + " songs/groups");
        }

        List<Group> order = new ArrayList<>();
        int[] classTotals = new int[numClasses];
        for (List<Integer> idx : members.values()) {
            int[] counts = new int[numClasses];
            for (int i : idx) counts[labels[i]]++;
            for (int c = 0; c < numClasses; c++) classTotals[c] += counts[c];
            order.add(new Group(idx, counts));
        }
        // Shuffle first (seeded) so ties are broken differently per seed; then place the most class-skewed
        // groups first, as scikit-learn does, since they are hardest to balance.
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingDouble((Group g) -> std(g.counts)).reversed());

        int[][] foldCounts = new int[k][numClasses];
        int[] foldSizes = new int[k];
        List<List<Integer>> testIdx = new ArrayList<>();
        for (int f = 0; f < k; f++) testIdx.add(new ArrayList<>());
        for (Group g : order) {
            int best = -1;
            double bestScore = Double.POSITIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                for (int c = 0; c < numClasses; c++) foldCounts[f][c] += g.counts[c];
                double score = imbalance(foldCounts, classTotals);
                for (int c = 0; c < numClasses; c++) foldCounts[f][c] -= g.counts[c];
                // Ties go to the smallest fold so that folds stay equally sized.
                if (score < bestScore - 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && foldSizes[f] < foldSizes[best])) {
                    best = f;
                    bestScore = score;
                }
            }
            for (int c = 0; c < numClasses; c++) foldCounts[best][c] += g.counts[c];
            foldSizes[best] += g.members.size();
            testIdx.get(best).addAll(g.members);
        }

        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            boolean[] inTest = new boolean[labels.length];
            for (int i : testIdx.get(f)) inTest[i] = true;
            int[] test = testIdx.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] train = java.util.stream.IntStream.range(0, labels.length).filter(i -> !inTest[i]).toArray();
            folds.add(new Fold(f, train, test));
        }
        return folds;
    }

    /** Mean over classes of the spread (std) across folds of each fold's share of that class. */
    private static double imbalance(int[][] foldCounts, int[] classTotals) {
        double sum = 0;
        for (int c = 0; c < classTotals.length; c++) {
            if (classTotals[c] == 0) continue;
            double[] share = new double[foldCounts.length];
            for (int f = 0; f < foldCounts.length; f++) share[f] = foldCounts[f][c] / (double) classTotals[c];
            sum += std(share);
        }
        return sum / classTotals.length;
    }

    private static double std(int[] v) {
        return std(Arrays.stream(v).asDoubleStream().toArray());
    }

    private static double std(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / v.length);
    }

    private record Group(List<Integer> members, int[] counts) {
    }
}
