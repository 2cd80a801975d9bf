package org.genrebench.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense matrix-vector products with the JDK incubating Vector API (lanes along the columns, fused multiply-adds, four
 * rows per pass over the vector). The summation order differs from a sequential loop, so results agree with it to
 * double rounding, not bit for bit; it is fixed ({@link LaneSums}, then the scalar tail in column order), so the
 * same inputs always give the same bits. Check {@link Simd#AVAILABLE} before touching this class.
 */
public final class VectorMatrix {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorMatrix() {
    }

    /** {@code out[r] = Σ_c m[r * cols + c] · x[c]} for {@code r < rows}. */
    public static void multiply(double[] m, int rows, int cols, double[] x, double[] out) {
        multiply(m, rows, cols, x, 0, out, 0);
    }

    /** {@code out[outOffset + r] = Σ_c m[r * cols + c] · x[xOffset + c]} for {@code r < rows}. */
    public static void multiply(double[] m, int rows, int cols, double[] x, int xOffset, double[] out, int outOffset) {
        int len = S.length(), upper = cols - cols % len;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r0 = r * cols, r1 = r0 + cols, r2 = r1 + cols, r3 = r2 + cols;
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int c = 0; c < upper; c += len) {
                DoubleVector v = DoubleVector.fromArray(S, x, xOffset + c);
                a0 = DoubleVector.fromArray(S, m, r0 + c).fma(v, a0);
                a1 = DoubleVector.fromArray(S, m, r1 + c).fma(v, a1);
                a2 = DoubleVector.fromArray(S, m, r2 + c).fma(v, a2);
                a3 = DoubleVector.fromArray(S, m, r3 + c).fma(v, a3);
            }
            double s0 = LaneSums.sum(a0), s1 = LaneSums.sum(a1);
            double s2 = LaneSums.sum(a2), s3 = LaneSums.sum(a3);
            for (int c = upper; c < cols; c++) {
                s0 += m[r0 + c] * x[xOffset + c];
                s1 += m[r1 + c] * x[xOffset + c];
                s2 += m[r2 + c] * x[xOffset + c];
                s3 += m[r3 + c] * x[xOffset + c];
            }
            out[outOffset + r] = s0;
            out[outOffset + r + 1] = s1;
            out[outOffset + r + 2] = s2;
            out[outOffset + r + 3] = s3;
        }
        for (; r < rows; r++) {
            DoubleVector a = DoubleVector.zero(S);
            int row = r * cols;
            for (int c = 0; c < upper; c += len) a = DoubleVector.fromArray(S, m, row + c).fma(DoubleVector.fromArray(S, x, xOffset + c), a);
            double s = LaneSums.sum(a);
            for (int c = upper; c < cols; c++) s += m[row + c] * x[xOffset + c];
            out[outOffset + r] = s;
        }
    }
}
