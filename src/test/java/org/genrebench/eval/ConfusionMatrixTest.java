package org.genrebench.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metrics against values computed by hand (and cross-checked with scikit-learn's formulas). */
class ConfusionMatrixTest {

    // truth:     0 0 0 0 1 1 1 2 2 2
    // predicted: 0 0 1 2 1 1 0 2 2 2
    // matrix rows=truth: [2 1 1] [1 2 0] [0 0 3]
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PRED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 2};

    @Test
    void countsAndScoresMatchHandComputation() {
        ConfusionMatrix cm = ConfusionMatrix.of(TRUTH, PRED, 3);
        assertArrayEquals(new long[][]{{2, 1, 1}, {1, 2, 0}, {0, 0, 3}}, cm.counts());
        assertEquals(0.7, cm.accuracy(), 1e-12);                  // 7 / 10
        assertEquals(2.0 / 3, cm.precision(0), 1e-12);            // 2 / (2+1)
        assertEquals(0.5, cm.recall(0), 1e-12);                   // 2 / 4
        assertEquals(4.0 / 7, cm.f1(0), 1e-12);                   // 2·(2/3)(1/2)/(2/3+1/2)
        assertEquals(2.0 / 3, cm.precision(1), 1e-12);
        assertEquals(2.0 / 3, cm.recall(1), 1e-12);
        assertEquals(2.0 / 3, cm.f1(1), 1e-12);
        assertEquals(0.75, cm.precision(2), 1e-12);               // 3 / 4
        assertEquals(1.0, cm.recall(2), 1e-12);
        assertEquals(6.0 / 7, cm.f1(2), 1e-12);
        assertEquals((4.0 / 7 + 2.0 / 3 + 6.0 / 7) / 3, cm.macroF1(), 1e-12);   // 0.69841…
        assertEquals((0.5 + 2.0 / 3 + 1.0) / 3, cm.balancedAccuracy(), 1e-12);  // 0.72222…
    }

    @Test
    void neverPredictedClassScoresZeroNotNaN() {
        // class 2 present but never predicted; class 1 never present but predicted once
        ConfusionMatrix cm = ConfusionMatrix.of(new int[]{0, 0, 2}, new int[]{0, 1, 0}, 3);
        assertEquals(0, cm.precision(2));
        assertEquals(0, cm.f1(2));
        assertEquals(0, cm.recall(1));
        assertEquals(1.0 / 3, cm.accuracy(), 1e-12);
        // class 0: p = 1/2, r = 1/2, f1 = 1/2; classes 1 and 2 score 0; all three count in the macro mean
        assertEquals(0.5 / 3, cm.macroF1(), 1e-12);
        // balanced accuracy averages only classes present in the truth (0 and 2)
        assertEquals(0.25, cm.balancedAccuracy(), 1e-12);
    }

    @Test
    void pooledMatrixIsTheSum() {
        ConfusionMatrix a = ConfusionMatrix.of(new int[]{0, 1}, new int[]{0, 0}, 2);
        ConfusionMatrix b = ConfusionMatrix.of(new int[]{1, 1}, new int[]{1, 0}, 2);
        assertArrayEquals(new long[][]{{1, 0}, {2, 1}}, a.plus(b).counts());
    }
}
