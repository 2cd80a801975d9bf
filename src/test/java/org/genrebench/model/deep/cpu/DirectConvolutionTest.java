package org.genrebench.model.deep.cpu;

import org.genrebench.dsp.Simd;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direct convolution's three passes against a naive zero-padded convolution, scalar and Vector API paths. */
class DirectConvolutionTest {
    // 6 output channels: one block of four and two single channels in the vector kernel; 11 columns: odd rows
    private static final int N = 3, IN = 3, OUT = 6, H = 7, W = 11;

    @Test
    void forwardInputGradientAndWeightGradientMatchANaiveConvolution() {
        for (int[] k : new int[][] {{3, 3}, {1, 5}}) {
            int kh = k[0], kw = k[1], kk = kh * kw;
            Random rng = new Random(7);
            float[] x = random(rng, N * IN * H * W), kernel = random(rng, OUT * IN * kk), delta = random(rng, N * OUT * H * W);
            double[] y = naiveForward(x, kernel, kh, kw), dx = naiveInputGradient(delta, kernel, kh, kw),
                    dw = naiveWeightGradient(x, delta, kh, kw);
            DirectConvolution g = new DirectConvolution(H, W, kh, kw);
            float[] xp = g.padded(null, N * IN), dp = g.padded(null, N * OUT);
            g.pad(FloatBuffer.wrap(x), N * IN, xp);
            g.pad(FloatBuffer.wrap(delta), N * OUT, dp);
            for (boolean vector : Simd.AVAILABLE ? new boolean[] {false, true} : new boolean[] {false}) {
                String what = kh + "x" + kw + (vector ? " vector" : " scalar");
                float[] wide = new float[N * OUT * g.span], out = new float[N * OUT * H * W];
                g.convolve(xp, N, IN, kernel, OUT, wide, out, vector);
                assertClose(y, out, what + " forward");
                float[] in = new float[N * IN * H * W];
                g.convolve(dp, N, OUT, DirectConvolution.flippedTranspose(kernel, OUT, IN, kk), IN, wide, in, vector);
                assertClose(dx, in, what + " input gradient");
                assertClose(dw, g.weightGradient(xp, dp, N, IN, OUT, vector), what + " weight gradient");
            }

        }
    }

    @Test
    void reusedPaddedPlanesKeepZeroBorders() {
        DirectConvolution g = new DirectConvolution(H, W, 3, 3);
        float[] ones = new float[N * IN * H * W];
        java.util.Arrays.fill(ones, 1f);
        float[] xp = g.padded(null, N * IN);
        g.pad(FloatBuffer.wrap(ones), N * IN, xp);
        g.pad(FloatBuffer.wrap(ones), N * IN, g.padded(xp, N * IN));
        double sum = 0;
        for (float v : xp) sum += v;
        assertEquals(N * IN * H * W, sum, 0, "only interiors are written");
    }

    private static double at(float[] a, int plane, int y, int x) {
        return y < 0 || y >= H || x < 0 || x >= W ? 0 : a[(plane * H + y) * W + x];
    }

    private static double[] naiveForward(float[] x, float[] kernel, int kh, int kw) {
        double[] y = new double[N * OUT * H * W];
        for (int s = 0; s < N; s++) for (int o = 0; o < OUT; o++) for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) {
            double sum = 0;
            for (int i = 0; i < IN; i++) for (int a = 0; a < kh; a++) for (int b = 0; b < kw; b++) {
                sum += kernel[((o * IN + i) * kh + a) * kw + b] * at(x, s * IN + i, r + a - kh / 2, c + b - kw / 2);
            }
            y[((s * OUT + o) * H + r) * W + c] = sum;
        }
        return y;
    }

    private static double[] naiveInputGradient(float[] delta, float[] kernel, int kh, int kw) {
        double[] dx = new double[N * IN * H * W];
        for (int s = 0; s < N; s++) for (int o = 0; o < OUT; o++) for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) {
            double d = delta[((s * OUT + o) * H + r) * W + c];
            for (int i = 0; i < IN; i++) for (int a = 0; a < kh; a++) for (int b = 0; b < kw; b++) {
                int yr = r + a - kh / 2, xc = c + b - kw / 2;
                if (yr >= 0 && yr < H && xc >= 0 && xc < W) dx[((s * IN + i) * H + yr) * W + xc] += d * kernel[((o * IN + i) * kh + a) * kw + b];
            }
        }
        return dx;
    }

    private static double[] naiveWeightGradient(float[] x, float[] delta, int kh, int kw) {
        double[] dw = new double[OUT * IN * kh * kw];
        for (int s = 0; s < N; s++) for (int o = 0; o < OUT; o++) for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) {
            double d = delta[((s * OUT + o) * H + r) * W + c];
            for (int i = 0; i < IN; i++) for (int a = 0; a < kh; a++) for (int b = 0; b < kw; b++) {
                dw[((o * IN + i) * kh + a) * kw + b] += d * at(x, s * IN + i, r + a - kh / 2, c + b - kw / 2);
            }
        }
        return dw;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0, scale = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(scale > 1, what + ": a non-trivial reference");
        assertTrue(worst <= 1e-5 * scale, what + ": max difference " + worst + " at scale " + scale);
    }

    private static float[] random(Random rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }
}
