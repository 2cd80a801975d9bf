package org.genrebench.eval;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Holm's step-down adjustment of p-values for multiple comparisons (family-wise error rate). */
public final class Holm {
    private Holm() {
    }

    /**
     * Adjusted p-values in the order given: {@code max_{j<=i} min(1, (m - j) p_(j))} over the sorted p-values; an
     * undefined (NaN) p-value stays NaN and does not count among the m tests.
     */
    public static double[] adjust(double[] p) {
        double[] adjusted = new double[p.length];
        java.util.Arrays.fill(adjusted, Double.NaN);
        int[] defined = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        double[] sub = adjustDefined(java.util.Arrays.stream(defined).mapToDouble(i -> p[i]).toArray());
        for (int k = 0; k < defined.length; k++) adjusted[defined[k]] = sub[k];
        return adjusted;
    }

    private static double[] adjustDefined(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
