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

    /** Output positions one {@link #convolve} step computes: two vectors. */
    static int convolutionBlock() {
        return 2 * S.length();
    }

    /**
     * {@link DirectConvolution#convolve}'s inner kernel for one sample: {@code out[outBase + o·span + q] = Σ_c Σ_t
     * kernel[(o·channels + c)·kk + t] · in[inBase + c·plane + q + taps[t]]} for q below {@code span} (a multiple of
     * {@link #convolutionBlock}). Four output channels by two vectors of positions are accumulated at once, so each
     * input load feeds four multiply-adds.
     */
    static void convolve(float[] in, int inBase, int plane, int channels, float[] kernel, int outChannels, int[] taps,
                         float[] out, int outBase, int span) {
        int lanes = S.length(), kk = taps.length, perOut = channels * kk, o = 0;
        for (; o + 4 <= outChannels; o += 4) {
            int k0 = o * perOut, k1 = k0 + perOut, k2 = k1 + perOut, k3 = k2 + perOut;
            for (int q = 0; q < span; q += 2 * lanes) {
                FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
                for (int c = 0; c < channels; c++) {
                    int base = inBase + c * plane + q, kc = c * kk;
                    for (int t = 0; t < kk; t++) {
                        int at = base + taps[t], k = kc + t;
                        FloatVector v0 = FloatVector.fromArray(S, in, at), v1 = FloatVector.fromArray(S, in, at + lanes);
                        FloatVector w0 = FloatVector.broadcast(S, kernel[k0 + k]), w1 = FloatVector.broadcast(S, kernel[k1 + k]);
                        FloatVector w2 = FloatVector.broadcast(S, kernel[k2 + k]), w3 = FloatVector.broadcast(S, kernel[k3 + k]);
                        a00 = v0.fma(w0, a00);
                        a01 = v1.fma(w0, a01);
                        a10 = v0.fma(w1, a10);
                        a11 = v1.fma(w1, a11);
                        a20 = v0.fma(w2, a20);
                        a21 = v1.fma(w2, a21);
                        a30 = v0.fma(w3, a30);
                        a31 = v1.fma(w3, a31);
                    }
                }
                int at = outBase + o * span + q;
                a00.intoArray(out, at);
                a01.intoArray(out, at + lanes);
                a10.intoArray(out, at + span);
                a11.intoArray(out, at + span + lanes);
                a20.intoArray(out, at + 2 * span);
                a21.intoArray(out, at + 2 * span + lanes);
                a30.intoArray(out, at + 3 * span);
                a31.intoArray(out, at + 3 * span + lanes);
            }
        }
        for (; o < outChannels; o++) {
            int k0 = o * perOut;
            for (int q = 0; q < span; q += 2 * lanes) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0;
                for (int c = 0; c < channels; c++) {
                    int base = inBase + c * plane + q;
                    for (int t = 0; t < kk; t++) {
                        int at = base + taps[t];
                        FloatVector w = FloatVector.broadcast(S, kernel[k0 + c * kk + t]);
                        a0 = FloatVector.fromArray(S, in, at).fma(w, a0);
                        a1 = FloatVector.fromArray(S, in, at + lanes).fma(w, a1);
                    }
                }
                a0.intoArray(out, outBase + o * span + q);
                a1.intoArray(out, outBase + o * span + q + lanes);
            }
        }
    }

    /**
     * For a 3x3 kernel, adds to {@code sums[t]} the nine dot products {@code Σ_s Σ_q delta[d + s·dStride + q] · x[xBase +
     * s·xStride + q + taps[t]]} over {@code samples} planes, q below {@code span} (a multiple of the vector length): one
     * pass in which each gradient vector meets its nine shifted input vectors, instead of nine passes over the
     * gradient plane. The lanes accumulate in float over all samples and are summed once at the end (a sum per plane
     * made the lane sums a quarter of a vgg step).
     */
    static void tapDots3x3(float[] delta, int d, int dStride, float[] x, int xBase, int xStride, int samples, int[] taps,
                           int span, double[] sums) {
        int lanes = S.length();
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0, s8 = s0;
        for (int s = 0; s < samples; s++) {
            int g0 = d + s * dStride, xs = xBase + s * xStride;
            int t0 = xs + taps[0], t1 = xs + taps[1], t2 = xs + taps[2], t3 = xs + taps[3], t4 = xs + taps[4],
                    t5 = xs + taps[5], t6 = xs + taps[6], t7 = xs + taps[7], t8 = xs + taps[8];
            for (int q = 0; q < span; q += lanes) {
                FloatVector g = FloatVector.fromArray(S, delta, g0 + q);
                s0 = FloatVector.fromArray(S, x, t0 + q).fma(g, s0);
                s1 = FloatVector.fromArray(S, x, t1 + q).fma(g, s1);
                s2 = FloatVector.fromArray(S, x, t2 + q).fma(g, s2);
                s3 = FloatVector.fromArray(S, x, t3 + q).fma(g, s3);
                s4 = FloatVector.fromArray(S, x, t4 + q).fma(g, s4);
                s5 = FloatVector.fromArray(S, x, t5 + q).fma(g, s5);
                s6 = FloatVector.fromArray(S, x, t6 + q).fma(g, s6);
                s7 = FloatVector.fromArray(S, x, t7 + q).fma(g, s7);
                s8 = FloatVector.fromArray(S, x, t8 + q).fma(g, s8);
            }
        }
        sums[0] += LaneSums.sum(s0);
        sums[1] += LaneSums.sum(s1);
        sums[2] += LaneSums.sum(s2);
        sums[3] += LaneSums.sum(s3);
        sums[4] += LaneSums.sum(s4);
        sums[5] += LaneSums.sum(s5);
        sums[6] += LaneSums.sum(s6);
        sums[7] += LaneSums.sum(s7);
        sums[8] += LaneSums.sum(s8);
    }

    /**
     * {@code dx[i] = v[i]·a + b > 0 ? dy[i] : 0} for i in {@code [from, from + len)}: ReLU's gradient behind batch norm.
     * Multiply then add, as the scalar forward pass does (a fused multiply-add could flip the sign of a value near 0).
     */
    static void reluGradient(float[] v, float a, float b, float[] dy, float[] dx, int from, int len) {
        int i = from, end = from + len, bound = from + S.loopBound(len);
        FloatVector scale = FloatVector.broadcast(S, a), shift = FloatVector.broadcast(S, b), zero = FloatVector.zero(S);
        for (; i < bound; i += S.length()) {
            var active = FloatVector.fromArray(S, v, i).mul(scale).add(shift).compare(jdk.incubator.vector.VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), active).intoArray(dx, i);
        }
        for (; i < end; i++) dx[i] = (v[i] * a + b) > 0 ? dy[i] : 0f;
    }
}
