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

    private static float[] random(long seed) {
        Random rng = new Random(seed);
        float[] v = new float[LEN];
        for (int i = 0; i < LEN; i++) v[i] = (float) rng.nextGaussian() + 0.5f;
        return v;
    }
}
