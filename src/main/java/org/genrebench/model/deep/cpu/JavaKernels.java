package org.genrebench.model.deep.cpu;

import org.genrebench.dsp.Simd;

/**
 * The arithmetic of the Java network kernels ({@link JavaBatchNormHelper}, {@link JavaConvolutionLayer}): sums
 * and affine maps over runs of float arrays. The reductions use {@link VectorKernels} when the Vector API is
 * available ({@link Simd#AVAILABLE}), else the scalar loops here, whose four independent accumulators let the
 * additions pipeline (Java may not reorder floating-point sums, so the JIT will not vectorise a single-accumulator
 * loop). Partial sums over a plane (a few thousand values) stay in float; callers combine them in double.
 */
final class JavaKernels {
    private JavaKernels() {
    }

    /** Σ a[from + k]·b[bFrom + k], k < len. */
    static float dot(float[] a, int from, float[] b, int bFrom, int len) {
        return Simd.AVAILABLE ? VectorKernels.dot(a, from, b, bFrom, len) : scalarDot(a, from, b, bFrom, len);
    }

    static float scalarDot(float[] a, int from, float[] b, int bFrom, int len) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[from + k] * b[bFrom + k];
            s1 += a[from + k + 1] * b[bFrom + k + 1];
            s2 += a[from + k + 2] * b[bFrom + k + 2];
            s3 += a[from + k + 3] * b[bFrom + k + 3];
        }
        for (; k < len; k++) s0 += a[from + k] * b[bFrom + k];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code {Σ (p − ps), Σ (p − ps)·(q − qs)}} over one plane: with {@code p = q} and one shift, the sum and sum of
     * squares of the statistics; with {@code ps = 0}, the Σ dy and centred Σ dy·(x − mean) of the backward pass.
     */
    static double[] centredSums(float[] p, float ps, float[] q, float qs, int from, int len) {
        return Simd.AVAILABLE ? VectorKernels.centredSums(p, ps, q, qs, from, len) : scalarCentredSums(p, ps, q, qs, from, len);
    }

    static double[] scalarCentredSums(float[] p, float ps, float[] q, float qs, int from, int len) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        int i = from, end = from + len;
        for (; i + 3 < end; i += 4) {
            float d0 = p[i] - ps, d1 = p[i + 1] - ps, d2 = p[i + 2] - ps, d3 = p[i + 3] - ps;
            s0 += d0;
            s1 += d1;
            s2 += d2;
            s3 += d3;
            r0 += d0 * (q[i] - qs);
            r1 += d1 * (q[i + 1] - qs);
            r2 += d2 * (q[i + 2] - qs);
            r3 += d3 * (q[i + 3] - qs);
        }
        for (; i < end; i++) {
            float d = p[i] - ps;
            s0 += d;
            r0 += d * (q[i] - qs);
        }
        return new double[] {(double) s0 + s1 + s2 + s3, (double) r0 + r1 + r2 + r3};
    }

    /** {@code out = in · scale + shift} over one plane (a loop C2 vectorises). */
    static void affine(float[] in, float[] out, int from, int len, float scale, float shift) {
        for (int i = from, end = from + len; i < end; i++) out[i] = in[i] * scale + shift;
    }

    /** {@code out = a·p + b·q + k} over one plane. */
    static void affine2(float[] p, float[] q, float[] out, int from, int len, float a, float b, float k) {
        for (int i = from, end = from + len; i < end; i++) out[i] = a * p[i] + b * q[i] + k;
    }
}
