package org.genrebench.dsp;

/**
 * Float dot product in one fixed order, whichever code runs it: eight running sums (lane {@code l} takes the terms
 * {@code i ≡ l mod 8}, each a fused multiply-add), added lane 0 first, then the remaining terms in order. The SIMD
 * version ({@link VectorDot}) follows the same order, so results do not depend on the CPU or on {@link Simd}.
 */
public final class Dot {
    static final int LANES = 8;

    private Dot() {
    }

    /** {@code Σ a[aFrom + i] · b[bFrom + i]} for {@code i < n}, with the SIMD kernel where available. */
    public static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        return Simd.AVAILABLE ? VectorDot.dot(a, aFrom, b, bFrom, n) : scalar(a, aFrom, b, bFrom, n);
    }

    /** The same sum as {@link #dot} without the Vector API. */
    public static float scalar(float[] a, int aFrom, float[] b, int bFrom, int n) {
        int upper = n - n % LANES, i = 0;
        float[] lanes = new float[LANES];
        for (; i < upper; i += LANES) {
            for (int l = 0; l < LANES; l++) lanes[l] = Math.fma(a[aFrom + i + l], b[bFrom + i + l], lanes[l]);
        }
        float sum = 0f;
        if (upper > 0) {
            sum = lanes[0];
            for (int l = 1; l < LANES; l++) sum += lanes[l];
        }
        for (; i < n; i++) sum = Math.fma(a[aFrom + i], b[bFrom + i], sum);
        return sum;
    }
}
