package org.genrebench.model.classical;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random forest of fully grown Gini trees, the algorithm of scikit-learn's RandomForestClassifier: each tree sees a
 * bootstrap sample (drawn rows weighted by their count), each node draws features without replacement until it has
 * looked at {@code mtry} non-constant ones (and further while no valid split exists), thresholds are midpoints, and
 * {@code predict} averages the trees' leaf class fractions.
 *
 * <p>Why not Smile's {@code RandomForest}: it re-partitions the presorted index of <em>every</em> feature at each
 * split and goes through {@code DataFrame}/{@code Tuple} rows; on the 57-column GTZAN table it spent ~11 s CPU per
 * 5 folds, this one ~2.6 s for the same forest (profiled with JFR). Each node sorts its rows by a feature through
 * primitive {@code long} keys (dense rank of the value, row), so ties and constant features are exact comparisons.
 */
final class GiniForest implements Serializable {
    private final Tree[] trees;
    private final int numClasses;

    private GiniForest(Tree[] trees, int numClasses) {
        this.trees = trees;
        this.numClasses = numClasses;
    }

    /** Trees are grown one after the other, each from its own seed, so the forest is identical on any thread. */
    static GiniForest fit(double[][] x, int[] y, int numClasses, int numTrees, int mtry, int minLeaf, long seed) {
        int n = x.length, p = x[0].length;
        double[][] cols = new double[p][n]; // column-major: the split search reads one feature at a time
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) cols[j][i] = x[i][j];
        long[] seeds = new SplittableRandom(seed).longs(numTrees).toArray();
        Tree[] trees = new Tree[numTrees];
        Builder b = new Builder(cols, y, numClasses, Math.max(1, Math.min(mtry, p)), Math.max(1, minLeaf));
        for (int t = 0; t < numTrees; t++) trees[t] = b.grow(new SplittableRandom(seeds[t]));
        return new GiniForest(trees, numClasses);
    }

    double[][] predict(double[][] x) {
        double[][] out = new double[x.length][numClasses];
        for (int i = 0; i < x.length; i++) {
            for (Tree t : trees) {
                int leaf = t.leaf(x[i]);
                for (int c = 0; c < numClasses; c++) out[i][c] += t.value[leaf * numClasses + c];
            }
            for (int c = 0; c < numClasses; c++) out[i][c] /= trees.length;
        }
        return out;
    }

    /** Nodes in flat arrays; a leaf has {@code feature[k] < 0} and class fractions in {@code value}. */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) implements Serializable {
        int leaf(double[] row) {
            int k = 0;
            while (feature[k] >= 0) k = row[feature[k]] <= threshold[k] ? left[k] : right[k];
            return k;
        }
    }

    private static final class Builder {
        private final double[][] cols;
        private final int[] y;
        private final int numClasses, mtry, minLeaf, n, p;
        // per-tree scratch
        private final int[][] rank; // rank[j][i]: dense rank of row i's value among feature j's distinct values
        private final int[] weight, idx, features;
        private final long[] keys; // (rank << 32 | row): sorting these primitive keys sorts a node by one feature
        private final double[] total, leftCounts;
        // growing node arrays
        private int[] feature, left, right;
        private double[] threshold, value;
        private int size;

        Builder(double[][] cols, int[] y, int numClasses, int mtry, int minLeaf) {
            this.cols = cols;
            this.y = y;
            this.numClasses = numClasses;
            this.mtry = mtry;
            this.minLeaf = minLeaf;
            this.n = y.length;
            this.p = cols.length;
            weight = new int[n];
            idx = new int[n];
            keys = new long[n];
            rank = new int[p][];
            for (int j = 0; j < p; j++) rank[j] = denseRank(cols[j]);
            features = new int[p];
            total = new double[numClasses];
            leftCounts = new double[numClasses];
        }

        Tree grow(SplittableRandom rng) {
            Arrays.fill(weight, 0);
            for (int i = 0; i < n; i++) weight[rng.nextInt(n)]++;
            int m = 0;
            for (int i = 0; i < n; i++) if (weight[i] > 0) idx[m++] = i;
            int cap = 2 * m + 1;
            feature = new int[cap];
            left = new int[cap];
            right = new int[cap];
            threshold = new double[cap];
            value = new double[cap * numClasses];
            size = 0;
            build(0, m, rng);
            return new Tree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                    Arrays.copyOf(right, size), Arrays.copyOf(value, size * numClasses));
        }

        /** Grows the subtree of rows {@code idx[lo, hi)} and returns its node index. */
        private int build(int lo, int hi, SplittableRandom rng) {
            int node = size++;
            Arrays.fill(total, 0);
            double w = 0;
            for (int k = lo; k < hi; k++) {
                total[y[idx[k]]] += weight[idx[k]];
                w += weight[idx[k]];
            }
            int nonZero = 0;
            for (double c : total) if (c > 0) nonZero++;
            feature[node] = -1;
            for (int c = 0; c < numClasses; c++) value[node * numClasses + c] = total[c] / w;
            if (nonZero <= 1 || hi - lo < 2 * minLeaf) return node;

            double parentScore = 0;
            for (double c : total) parentScore += c * c;
            parentScore /= w;
            double[] node_total = total.clone();
            int bestF = -1;
            double bestScore = parentScore + 1e-12, bestThr = 0;
            for (int j = 0; j < p; j++) features[j] = j;
            int visitedNonConstant = 0;
            for (int drawn = 0; drawn < p && (visitedNonConstant < mtry || bestF < 0); drawn++) {
                int r = drawn + rng.nextInt(p - drawn);
                int f = features[r];
                features[r] = features[drawn];
                features[drawn] = f;
                int[] rk = rank[f];
                int len = hi - lo;
                for (int k = 0; k < len; k++) keys[k] = (long) rk[idx[lo + k]] << 32 | idx[lo + k];
                Arrays.sort(keys, 0, len);
                if ((keys[len - 1] >>> 32) == (keys[0] >>> 32)) continue; // constant here: does not count towards mtry
                visitedNonConstant++;
                Arrays.fill(leftCounts, 0);
                double wl = 0, sqL = 0, sqR = parentScore * w;
                for (int k = 0; k < len - 1; k++) {
                    int i = (int) keys[k];
                    int c = y[i];
                    double wi = weight[i];
                    sqL += wi * (2 * leftCounts[c] + wi);
                    double rc = node_total[c] - leftCounts[c];
                    sqR += wi * (wi - 2 * rc);
                    leftCounts[c] += wi;
                    wl += wi;
                    if ((keys[k + 1] >>> 32) == (keys[k] >>> 32)) continue;
                    if (k + 1 < minLeaf || len - k - 1 < minLeaf) continue;
                    double score = sqL / wl + sqR / (w - wl);
                    if (score > bestScore) {
                        bestScore = score;
                        bestF = f;
                        double a = cols[f][i], b = cols[f][(int) keys[k + 1]];
                        double thr = (a + b) / 2;
                        bestThr = thr == b ? a : thr;
                    }
                }
            }
            if (bestF < 0) return node;
            double[] col = cols[bestF];
            int mid = lo;
            for (int k = lo; k < hi; k++) { // partition idx[lo, hi) by the chosen threshold
                if (col[idx[k]] <= bestThr) {
                    int t = idx[k];
                    idx[k] = idx[mid];
                    idx[mid++] = t;
                }
            }
            feature[node] = bestF;
            threshold[node] = bestThr;
            left[node] = build(lo, mid, rng);
            right[node] = build(mid, hi, rng);
            return node;
        }

        private static int[] denseRank(double[] v) {
            Integer[] order = new Integer[v.length];
            for (int i = 0; i < v.length; i++) order[i] = i;
            Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
            int[] r = new int[v.length];
            for (int k = 1; k < v.length; k++) r[order[k]] = r[order[k - 1]] + (v[order[k]] > v[order[k - 1]] ? 1 : 0);
            return r;
        }
    }
}
