package org.genrebench.model.deep.cpu;

import org.genrebench.dsp.Simd;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scalar and Vector API reductions agree with a double-precision reference (and so with each other). */
class JavaKernelsTest {
    private static final int LEN = 4289; // not a multiple of any vector length: exercises the tails

    @Test
    void dotProductsMatchADoubleReference() {
        float[] a = random(1), b = random(2);
        double expected = 0;
        for (int k = 0; k < LEN - 7; k++) expected += (double) a[3 + k] * b[7 + k];
        assertEquals(expected, JavaKernels.scalarDot(a, 3, b, 7, LEN - 7), 1e-3);
        if (Simd.AVAILABLE) assertEquals(expected, VectorKernels.dot(a, 3, b, 7, LEN - 7), 1e-3);
    }

    @Test
    void centredSumsMatchADoubleReference() {
        float[] p = random(3), q = random(4);
        float ps = 0.25f, qs = -1.5f;
        double sum = 0, product = 0;
        for (int i = 5; i < LEN; i++) {
            sum += p[i] - ps;
            product += (double) (p[i] - ps) * (q[i] - qs);
        }
        double[] expected = {sum, product};
        assertArrayEquals(expected, JavaKernels.scalarCentredSums(p, ps, q, qs, 5, LEN - 5), 1e-3);
        if (Simd.AVAILABLE) assertArrayEquals(expected, VectorKernels.centredSums(p, ps, q, qs, 5, LEN - 5), 1e-3);
        assertTrue(Math.abs(product) > 1, "a non-trivial reference");
    }

    @Test
    void reluGradientPassesExactlyWhereTheNormalisedValueIsPositive() {
        float[] v = random(5), dy = random(6), dx = new float[LEN];
        float a = 0.75f, b = 0.1f;
        for (int i = 0; i < LEN; i += 7) v[i] = -b / a; // values whose normalised form is at or next to 0
        ReluMaxPool.reluGradient(v, a, b, dy, dx, 3, LEN - 3);
        int passed = 0;
        for (int i = 3; i < LEN; i++) {
            float expected = (v[i] * a + b) > 0 ? dy[i] : 0f;
            assertEquals(expected, dx[i], 0f, "value " + i);
            if (expected != 0) passed++;
        }
        assertTrue(passed > LEN / 4 && passed < 3 * LEN / 4, "both branches taken: " + passed);
    }

    private static float[] random(long seed) {
        Random rng = new Random(seed);
        float[] v = new float[LEN];
        for (int i = 0; i < LEN; i++) v[i] = (float) rng.nextGaussian() + 0.5f;
        return v;
    }
}
