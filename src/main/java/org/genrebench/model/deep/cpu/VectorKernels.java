package org.genrebench.model.deep.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.genrebench.dsp.LaneSums;

/**
 * The reductions of the Java network kernels with the JDK incubating Vector API (fused multiply-adds, lanes summed
 * at the end, so the summation order differs from a sequential loop; the lanes are added in the fixed order of
 * {@link LaneSums}, so results do not depend on the JIT tier). Check {@link org.genrebench.dsp.Simd#AVAILABLE}
 * before touching this class; {@link JavaKernels} holds the scalar fallbacks and chooses.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** Σ a[from + k]·b[bFrom + k] for k < len. */
    static float dot(float[] a, int from, float[] b, int bFrom, int len) {
        int lanes = S.length(), k = 0;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        for (; k + 2 * lanes <= len; k += 2 * lanes) {
            s0 = FloatVector.fromArray(S, a, from + k).fma(FloatVector.fromArray(S, b, bFrom + k), s0);
            s1 = FloatVector.fromArray(S, a, from + k + lanes).fma(FloatVector.fromArray(S, b, bFrom + k + lanes), s1);
        }
        float sum = LaneSums.sum(s0.add(s1));
        for (; k < len; k++) sum += a[from + k] * b[bFrom + k];
        return sum;
    }

    /** {@code {Σ (p − ps), Σ (p − ps)·(q − qs)}} over {@code [from, from + len)} (see {@link JavaKernels#centredSums}). */
    static double[] centredSums(float[] p, float ps, float[] q, float qs, int from, int len) {
        int lanes = S.length(), k = from, end = from + len;
        FloatVector sum = FloatVector.zero(S), product = sum;
        FloatVector pShift = FloatVector.broadcast(S, ps), qShift = FloatVector.broadcast(S, qs);
        for (; k + lanes <= end; k += lanes) {
            FloatVector d = FloatVector.fromArray(S, p, k).sub(pShift);
            sum = sum.add(d);
            product = d.fma(FloatVector.fromArray(S, q, k).sub(qShift), product);
        }
        double s = LaneSums.sum(sum), r = LaneSums.sum(product);
        for (; k < end; k++) {
            float d = p[k] - ps;
            s += d;
            r += d * (q[k] - qs);
        }
        return new double[] {s, r};
    }
}
