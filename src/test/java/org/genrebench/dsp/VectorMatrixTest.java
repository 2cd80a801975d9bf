package org.genrebench.dsp;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VectorMatrixTest {
    @Test
    void everyCallFollowsTheDocumentedSummationOrderBitForBit() {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector");
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        int rows = 6, cols = 5 * lanes + 3; // a four-row block, two single rows, a scalar tail
        Random rnd = new Random(8);
        double[] m = new double[rows * cols], x = new double[cols];
        for (int i = 0; i < m.length; i++) m[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(8));
        for (int i = 0; i < cols; i++) x[i] = rnd.nextGaussian();
        double[] expected = inLaneOrder(m, rows, cols, x, lanes), out = new double[rows];
        for (int call = 0; call < 50_000; call++) { // interpreted, then C1, then C2
            VectorMatrix.multiply(m, rows, cols, x, out);
            assertArrayEquals(expected, out, 0.0, "call " + call);
        }
    }

    /** Per-lane fused multiply-add sums, lanes added lane 0 first, then the tail columns in order. */
    private static double[] inLaneOrder(double[] m, int rows, int cols, double[] x, int lanes) {
        int upper = cols - cols % lanes;
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double[] acc = new double[lanes];
            for (int c = 0; c < upper; c++) acc[c % lanes] = Math.fma(m[r * cols + c], x[c], acc[c % lanes]);
            double s = acc[0];
            for (int l = 1; l < lanes; l++) s += acc[l];
            for (int c = upper; c < cols; c++) s += m[r * cols + c] * x[c];
            out[r] = s;
        }
        return out;
    }
}
