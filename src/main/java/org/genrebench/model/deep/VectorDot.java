package org.genrebench.model.deep;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float dot products with the JDK incubating Vector API (fused multiply-adds, two vector accumulators). Check
 * {@link org.genrebench.dsp.Simd#AVAILABLE} before touching this class.
 */
final class VectorDot {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorDot() {
    }

    /** Σ a[from + k]·b[bFrom + k] for k < len. */
    static float dot(float[] a, int from, float[] b, int bFrom, int len) {
        int lanes = S.length(), k = 0;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        for (; k + 2 * lanes <= len; k += 2 * lanes) {
            s0 = FloatVector.fromArray(S, a, from + k).fma(FloatVector.fromArray(S, b, bFrom + k), s0);
            s1 = FloatVector.fromArray(S, a, from + k + lanes).fma(FloatVector.fromArray(S, b, bFrom + k + lanes), s1);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) sum += a[from + k] * b[bFrom + k];
        return sum;
    }
}
