package org.genrebench.eval;

import java.util.Arrays;

/** Mean and sample standard deviation (n − 1; 0 for a single value) of per-fold figures. */
public final class Stats {
    private Stats() {
    }

    public static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    public static double std(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v);
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1));
    }

    /** Index of the largest value; the lowest index wins ties, so results never depend on map order. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
