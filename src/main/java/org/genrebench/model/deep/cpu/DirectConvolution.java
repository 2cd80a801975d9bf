package org.genrebench.model.deep.cpu;

import org.genrebench.dsp.Simd;

import java.nio.FloatBuffer;

/**
 * A stride-1 "same" convolution with an odd {@code kh x kw} kernel over NCHW float planes, computed directly in
 * Java: forward, input gradient and weight gradient, for {@link JavaConvolutionLayer}.
 *
 * <p>Every plane is stored with a zero border ({@code kh/2} rows, {@code kw/2} columns each side) in rows of
 * {@code w + kw - 1} values. In that layout output position {@code q = y · row + x} of a plane is the sum, over the
 * taps {@code t}, of the kernel weight times the padded input at {@code q + taps[t]}: each tap is one contiguous,
 * shifted run of the plane, so the inner loop is a vector load and fused multiply-adds with no edge cases (the two
 * spare columns a row computes are dropped). The input gradient is the same sum over the output gradient, padded
 * the same way, with the kernel flipped and its channel axes swapped; the weight gradient of a tap is one dot
 * product of the output gradient (whose spare columns are the zero border) with the input shifted by the tap.
 *
 * <p>Why not oneDNN through DL4J: at the networks' widths (8–32 channels) its calls are dominated by reorders
 * between NCHW and its blocked layouts, and for the 8→8-channel conv at 64x65 it picks a Winograd backward-data
 * kernel that alone took 78 ms of a 0.2-s vgg training step ({@code DNNL_VERBOSE}, docs/deep-cpu-speed.md).
 */
final class DirectConvolution {
    /** Positions a vector kernel call computes at once; spans are padded to a multiple of it. */
    static final int BLOCK = Simd.AVAILABLE ? VectorKernels.convolutionBlock() : 1;

    final int height, width;
    /** Values per padded row, values per output span (whole rows, rounded up to {@link #BLOCK}), per padded plane. */
    final int row, span, plane;
    /** Where pixel (0, 0) sits in a padded plane. */
    final int origin;
    /** Offset of each tap (kernel row-major) from an output position, in a padded plane. */
    final int[] taps;

    DirectConvolution(int height, int width, int kernelHeight, int kernelWidth) {
        if (kernelHeight % 2 == 0 || kernelWidth % 2 == 0) throw new IllegalArgumentException("odd kernels only");
        this.height = height;
        this.width = width;
        row = width + kernelWidth - 1;
        span = (height * row + BLOCK - 1) / BLOCK * BLOCK;
        taps = new int[kernelHeight * kernelWidth];
        for (int t = 0; t < taps.length; t++) taps[t] = (t / kernelWidth) * row + t % kernelWidth;
        plane = span + taps[taps.length - 1]; // the last tap of the last position stays inside the plane
        origin = (kernelHeight / 2) * row + kernelWidth / 2;
    }

    /** Floats for {@code planes} padded planes; a new array is all zeros, as the borders must be. */
    float[] padded(float[] scratch, int planes) {
        return JavaArrays.atLeast(scratch, planes * plane);
    }

    /**
     * Copies {@code planes} C-ordered height x width planes of {@code source} into the interiors of padded planes.
     * Only interiors are written, so the borders of a reused array stay zero.
     */
    void pad(FloatBuffer source, int planes, float[] target) {
        JavaArrays.forEach(planes, (long) planes * height * width, p -> {
            for (int y = 0; y < height; y++) {
                source.get((p * height + y) * width, target, p * plane + origin + y * row, width);
            }
        });
    }

    /**
     * {@code out[s, o] = Σ_c Σ_t kernel[o, c, t] · in[s, c] shifted by tap t} for {@code samples} samples of
     * {@code inChannels} padded planes, written C-ordered (height x width) to {@code out}. {@code kernel} is
     * {@code [outChannels][inChannels][kh·kw]}; {@code wide} is scratch of at least samples · outChannels · span.
     */
    void convolve(float[] in, int samples, int inChannels, float[] kernel, int outChannels, float[] wide, float[] out) {
        convolve(in, samples, inChannels, kernel, outChannels, wide, out, Simd.AVAILABLE);
    }

    /** {@link #convolve} with the Vector API kernel ({@code vector}, only where it is available) or the scalar loops. */
    void convolve(float[] in, int samples, int inChannels, float[] kernel, int outChannels, float[] wide, float[] out,
                  boolean vector) {
        JavaArrays.forEach(samples, (long) samples * outChannels * span * inChannels, s -> {
            int wideBase = s * outChannels * span;
            if (vector) {
                VectorKernels.convolve(in, s * inChannels * plane, plane, inChannels, kernel, outChannels, taps, wide, wideBase, span);
            } else {
                convolveScalar(in, s * inChannels * plane, inChannels, kernel, outChannels, wide, wideBase);
            }
            for (int o = 0; o < outChannels; o++) {
                for (int y = 0; y < height; y++) {
                    System.arraycopy(wide, wideBase + o * span + y * row, out, ((s * outChannels + o) * height + y) * width, width);
                }
            }
        });
    }

    private void convolveScalar(float[] in, int inBase, int inChannels, float[] kernel, int outChannels, float[] wide, int wideBase) {
        int kk = taps.length;
        for (int o = 0; o < outChannels; o++) {
            int at = wideBase + o * span;
            java.util.Arrays.fill(wide, at, at + span, 0f);
            for (int c = 0; c < inChannels; c++) {
                int base = inBase + c * plane;
                for (int t = 0; t < kk; t++) {
                    float k = kernel[(o * inChannels + c) * kk + t];
                    int from = base + taps[t];
                    for (int q = 0; q < span; q++) wide[at + q] += k * in[from + q];
                }
            }
        }
    }

    /**
     * The kernel for the input gradient: {@code [inChannels][outChannels][kh·kw]}, each kernel rotated by 180°, so
     * that {@link #convolve} of the padded output gradient with it is the input gradient.
     */
    static float[] flippedTranspose(float[] kernel, int outChannels, int inChannels, int kk) {
        float[] t = new float[kernel.length];
        for (int o = 0; o < outChannels; o++) {
            for (int c = 0; c < inChannels; c++) {
                for (int k = 0; k < kk; k++) t[(c * outChannels + o) * kk + kk - 1 - k] = kernel[(o * inChannels + c) * kk + k];
            }
        }
        return t;
    }

    /**
     * {@code dW[o, c, t] = Σ_s Σ_q δ[s, o, q] · x[s, c, q + taps[t]]} from padded input planes {@code x} and padded
     * output-gradient planes {@code delta}: a tap's sum is a dot product over a plane's span starting at the
     * gradient's origin, where the border zeros cancel the spare columns. The 3x3 vector kernel sums in float over the
     * batch, the per-tap dot products per plane and then in double over the samples.
     */
    float[] weightGradient(float[] x, float[] delta, int samples, int inChannels, int outChannels) {
        return weightGradient(x, delta, samples, inChannels, outChannels, Simd.AVAILABLE);
    }

    /** {@link #weightGradient} with the one-pass Vector API kernel for 3x3 ({@code vector}) or a dot product per tap. */
    float[] weightGradient(float[] x, float[] delta, int samples, int inChannels, int outChannels, boolean vector) {
        int kk = taps.length;
        boolean onePass = vector && kk == 9;
        float[] dw = new float[outChannels * inChannels * kk];
        JavaArrays.forEach(outChannels * inChannels, (long) samples * outChannels * inChannels * span * kk, task -> {
            int o = task / inChannels, c = task % inChannels;
            double[] sums = new double[kk];
            if (onePass) {
                VectorKernels.tapDots3x3(delta, o * plane + origin, outChannels * plane, x, c * plane, inChannels * plane,
                        samples, taps, span, sums);
            } else {
                for (int s = 0; s < samples; s++) {
                    int d = (s * outChannels + o) * plane + origin, xb = (s * inChannels + c) * plane;
                    for (int t = 0; t < kk; t++) sums[t] += JavaKernels.dot(delta, d, x, xb + taps[t], span);
                }
            }
            for (int t = 0; t < kk; t++) dw[task * kk + t] = (float) sums[t];
        });
        return dw;
    }
}
