package org.genrebench.dsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float dot products with the JDK incubating Vector API, in the fixed 8-lane order that {@link Dot#scalar} also
 * follows, so that both give the same bits on every machine. Check {@link Simd#AVAILABLE} before touching this class.
 */
public final class VectorDot {
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;

    private VectorDot() {
    }

    /** {@code Σ a[aFrom + i] · b[bFrom + i]} for {@code i < n}; see {@link Dot} for the summation order. */
    public static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        int upper = n - n % Dot.LANES, i = 0;
        FloatVector acc = FloatVector.zero(F8);
        for (; i < upper; i += Dot.LANES) {
            acc = FloatVector.fromArray(F8, a, aFrom + i).fma(FloatVector.fromArray(F8, b, bFrom + i), acc);
        }
        float sum = upper == 0 ? 0f : LaneSums.sum(acc);
        for (; i < n; i++) sum = Math.fma(a[aFrom + i], b[bFrom + i], sum);
        return sum;
    }
}
