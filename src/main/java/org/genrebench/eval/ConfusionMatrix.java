package org.genrebench.eval;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs; rows are the truth, columns the prediction.
 * Undefined ratios (a class never predicted, or never present) count as 0, as scikit-learn's
 * {@code zero_division=0} does; macro and balanced averages skip classes absent from both truth and prediction.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int numClasses) {
        this.counts = new long[numClasses][numClasses];
    }

    public static ConfusionMatrix of(int[] truth, int[] predicted, int numClasses) {
        if (truth.length != predicted.length) throw new IllegalArgumentException("truth and predictions differ in length");
        ConfusionMatrix cm = new ConfusionMatrix(numClasses);
        for (int i = 0; i < truth.length; i++) cm.counts[truth[i]][predicted[i]]++;
        return cm;
    }

    /** Element-wise sum, e.g. to pool the folds of one model. */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        ConfusionMatrix sum = new ConfusionMatrix(size());
        for (int t = 0; t < size(); t++) {
            for (int p = 0; p < size(); p++) sum.counts[t][p] = counts[t][p] + other.counts[t][p];
        }
        return sum;
    }

    public int size() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long[][] counts() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    public long predictedCount(int c) {
        long n = 0;
        for (long[] row : counts) n += row[c];
        return n;
    }

    public double accuracy() {
        long diag = 0;
        for (int c = 0; c < size(); c++) diag += counts[c][c];
        long total = total();
        return total == 0 ? 0 : diag / (double) total;
    }

    public double precision(int c) {
        long predicted = predictedCount(c);
        return predicted == 0 ? 0 : counts[c][c] / (double) predicted;
    }

    public double recall(int c) {
        long support = support(c);
        return support == 0 ? 0 : counts[c][c] / (double) support;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean F1 over the classes that occur in the truth or the predictions. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < size(); c++) {
            if (support(c) == 0 && predictedCount(c) == 0) continue;
            sum += f1(c);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Mean recall over the classes that occur in the truth. */
    public double balancedAccuracy() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < size(); c++) {
            if (support(c) == 0) continue;
            sum += recall(c);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
