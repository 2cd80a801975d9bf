package org.genrebench.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Sums of a vector's lanes in one fixed order, lane 0 first: {@code ((v0 + v1) + v2) + …}. The Vector API's
 * {@code reduceLanes(ADD)} leaves the order unspecified, and HotSpot's interpreted fallback and its C2 intrinsic
 * do use different orders, so the same inputs would round differently before and after JIT compilation. Every
 * floating-point lane sum of the SIMD kernels goes through here so that results are bit-reproducible in one JVM and
 * across runs. Check {@link Simd#AVAILABLE} before touching this class.
 */
public final class LaneSums {
    private LaneSums() {
    }

    /** {@code Σ v[i]} in lane order. */
    public static double sum(DoubleVector v) {
        double[] lanes = v.toArray();
        double s = lanes[0];
        for (int i = 1; i < lanes.length; i++) s += lanes[i];
        return s;
    }

    /** {@code Σ v[i]} in lane order, in float arithmetic. */
    public static float sum(FloatVector v) {
        float[] lanes = v.toArray();
        float s = lanes[0];
        for (int i = 1; i < lanes.length; i++) s += lanes[i];
        return s;
    }
}
