package org.genrebench.dsp;

/**
 * Orthonormal DCT-II ({@code scipy.fftpack.dct(x, type=2, norm='ortho')}) of length {@code n}, keeping the first
 * {@code k} coefficients, as a precomputed {@code k × n} matrix:
 * {@code y[i] = s_i Σ x[j] cos(π i (2j+1) / 2n)}, {@code s_0 = √(1/n)}, {@code s_i = √(2/n)}; the product runs on
 * {@link VectorMatrix} when {@link Simd#AVAILABLE}.
 */
public final class Dct {
    private final int n;
    private final int k;
    private final double[] basis;

    public Dct(int n, int k) {
        if (k > n) throw new IllegalArgumentException("k > n");
        this.n = n;
        this.k = k;
        basis = new double[k * n];
        for (int i = 0; i < k; i++) {
            double s = Math.sqrt((i == 0 ? 1.0 : 2.0) / n);
            for (int j = 0; j < n; j++) basis[i * n + j] = s * Math.cos(Math.PI * i * (2 * j + 1) / (2.0 * n));
        }
    }

    /** {@code out[outOffset + i] = DCT(x[offset, offset+n))[i]} for {@code i < k}. */
    public void apply(double[] x, int offset, double[] out, int outOffset) {
        if (Simd.AVAILABLE) {
            VectorMatrix.multiply(basis, k, n, x, offset, out, outOffset);
            return;
        }
        for (int i = 0; i < k; i++) {
            double acc = 0;
            int b = i * n;
            for (int j = 0; j < n; j++) acc += basis[b + j] * x[offset + j];
            out[outOffset + i] = acc;
        }
    }
}
