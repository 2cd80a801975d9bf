package org.genrebench.model.deep.cpu;

import org.genrebench.dsp.Simd;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.function.Function;

/**
 * ReLU followed by max pooling over NCHW float32 maps, forward and backward, in plain Java (the kernel of
 * {@link BatchNormReluPool}). Windows are {@code poolHeight x poolWidth} with the same stride, DL4J's "same" mode:
 * the output has ceil(size / pool) rows and columns, and windows that overhang the map pool what they cover (for
 * 2x2 windows the overhang is at the bottom/right only, as in PyTorch's {@code ceil_mode=True}). ReLU is monotone,
 * so ReLU-then-max equals max-then-ReLU: a window's gradient flows back to its first largest input when that maximum
 * is positive (ReLU's derivative is 0 at 0, as in DL4J and PyTorch). The input may come with a per-channel affine
 * map (batch norm's), applied on the fly.
 * <p>
 * One instance serves one layer. The forward pass keeps its input and output (Java arrays); the backward pass finds
 * each window's winner again as the first input equal to the output. That costs less than recording winners, and
 * the 2x2 kernels, the common case, are branch-free: which input wins is random, so a branch per comparison would be
 * mispredicted at every other window (measured: ~3x slower).
 */
final class ReluMaxPool {
    private float[] copy = new float[0], out = new float[0], outGradient = new float[0], inGradient = new float[0];
    private float[] in, scale, shift; // the last forward pass's input values and per-channel affine map
    private long[] inputShape;
    private int outputSize, poolHeight, poolWidth;
    private long forwards;

    /** ReLU and pooling of {@code x} [n, c, h, w] into a new array from {@code allocate} (given the output shape). */
    INDArray forward(INDArray x, int poolHeight, int poolWidth, Function<long[], INDArray> allocate) {
        if (x.rank() != 4) throw new IllegalArgumentException("expected NCHW activations, got shape " + Arrays.toString(x.shape()));
        return forward(copy = JavaArrays.read(x, copy), x.shape(), null, null, poolHeight, poolWidth, allocate);
    }

    /**
     * The same for {@code values · scale[c] + shift[c]}, channel by channel ({@code null}: 1 and 0), where
     * {@code values} hold an NCHW array of {@code shape}; this instance keeps the three arrays (unchanged, please)
     * for the backward pass. {@link JavaBatchNormHelper} hands over its input and the normalisation this way: the
     * normalised activations are computed on the fly, and never written out in full.
     */
    INDArray forward(float[] values, long[] shape, float[] scale, float[] shift, int poolHeight, int poolWidth,
                     Function<long[], INDArray> allocate) {
        forwards++;
        in = values;
        int channels = (int) shape[1];
        this.scale = scale != null ? scale : filled(channels, 1f);
        this.shift = shift != null ? shift : filled(channels, 0f);
        inputShape = shape.clone();
        this.poolHeight = poolHeight;
        this.poolWidth = poolWidth;
        int planes = (int) (shape[0] * shape[1]), h = (int) shape[2], w = (int) shape[3];
        int outH = (h + poolHeight - 1) / poolHeight, outW = (w + poolWidth - 1) / poolWidth, outPlane = outH * outW;
        outputSize = planes * outPlane;
        float[] v = values, a = this.scale, b = this.shift;
        float[] o = out = JavaArrays.atLeast(out, outputSize);
        JavaArrays.forEach(planes, (long) planes * h * w, p -> {
            int c = p % channels;
            if (poolHeight == 2 && poolWidth == 2) pool2x2(v, a[c], b[c], o, p * h * w, p * outPlane, h, w);
            else if (poolHeight == 1 && poolWidth == 1) relu(v, a[c], b[c], o, p * h * w, h * w);
            else pool(v, a[c], b[c], o, p * h * w, p * outPlane, h, w, poolHeight, poolWidth);
        });
        INDArray result = allocate.apply(new long[] {shape[0], shape[1], outH, outW});
        JavaArrays.write(o, outputSize, result);
        return result;
    }

    /** How many forward passes this instance has run (lets a caller see whether a helper ran it). */
    long forwards() {
        return forwards;
    }

    /** The gradient with respect to the last forward pass's input, given the gradient of its output. */
    INDArray backward(INDArray outputGradient, Function<long[], INDArray> allocate) {
        float[] dx = backwardValues(outputGradient);
        INDArray result = allocate.apply(inputShape.clone());
        JavaArrays.write(dx, (int) result.length(), result);
        return result;
    }

    /** {@link #backward}'s values as a Java array in C order (this instance's scratch: read it before the next call). */
    float[] backwardValues(INDArray outputGradient) {
        if (inputShape == null || outputGradient.length() != outputSize) {
            throw new IllegalStateException("backward pass without a matching forward pass: gradient shape "
                    + Arrays.toString(outputGradient.shape()));
        }
        int planes = (int) (inputShape[0] * inputShape[1]), h = (int) inputShape[2], w = (int) inputShape[3];
        int size = planes * h * w, ph = poolHeight, pw = poolWidth;
        int outPlane = ((h + ph - 1) / ph) * ((w + pw - 1) / pw);
        float[] v = in, o = out, a = scale, b = shift;
        int channels = (int) inputShape[1];
        float[] dy = outGradient = JavaArrays.read(outputGradient, outGradient);
        float[] dx = inGradient = JavaArrays.atLeast(inGradient, size);
        // one pass writing every input position: the window's gradient at its winner, 0 elsewhere
        JavaArrays.forEach(planes, size, p -> {
            int c = p % channels;
            if (ph == 2 && pw == 2) unpool2x2(v, a[c], b[c], o, dy, dx, p * h * w, p * outPlane, h, w);
            else if (ph == 1 && pw == 1) reluGradient(v, a[c], b[c], dy, dx, p * h * w, h * w);
            else unpool(v, a[c], b[c], o, dy, dx, p * h * w, p * outPlane, h, w, ph, pw);
        });
        return dx;
    }

    /**
     * Any window size: the plane {@code v[base..] · a + b} (h x w) into {@code o[cell..]}. As in DL4J's "same" mode,
     * the windows overhang the map by half their total overhang at the top/left (the rest at the bottom/right).
     * Every kernel computes {@code v · a + b} afresh, forward and backward, in the same float operations, so the
     * backward pass sees bit for bit the values the forward pass pooled. Separably: the maxima down each column of a
     * window row first (a loop over whole rows, which C2 vectorises), then across each window's columns; max is exact,
     * so this gives the values of a pass window by window (crnn's 4x2 windows: those loops were an eighth of its step).
     */
    private static void pool(float[] v, float a, float b, float[] o, int base, int cell, int h, int w, int ph, int pw) {
        int outH = (h + ph - 1) / ph, outW = (w + pw - 1) / pw, top = (outH * ph - h) / 2, left = (outW * pw - w) / 2;
        float[] columns = new float[w];
        for (int oy = 0; oy < outH; oy++) {
            int y0 = Math.max(0, oy * ph - top), y1 = Math.min(h, oy * ph - top + ph);
            int r = base + y0 * w;
            for (int x = 0; x < w; x++) columns[x] = v[r + x] * a + b;
            for (int y = y0 + 1; y < y1; y++) {
                r = base + y * w;
                for (int x = 0; x < w; x++) columns[x] = Math.max(columns[x], v[r + x] * a + b);
            }
            for (int ox = 0; ox < outW; ox++, cell++) {
                int x0 = Math.max(0, ox * pw - left), x1 = Math.min(w, ox * pw - left + pw);
                float m = 0f; // ReLU: the maximum of max(0, x) is max(0, max x)
                for (int x = x0; x < x1; x++) m = Math.max(m, columns[x]);
                o[cell] = m;
            }
        }
    }

    private static void unpool(float[] v, float a, float b, float[] o, float[] dy, float[] dx, int base, int cell, int h, int w,
                               int ph, int pw) {
        int outH = (h + ph - 1) / ph, outW = (w + pw - 1) / pw, top = (outH * ph - h) / 2, left = (outW * pw - w) / 2;
        for (int oy = 0; oy < outH; oy++) {
            int y0 = Math.max(0, oy * ph - top), y1 = Math.min(h, oy * ph - top + ph);
            for (int ox = 0; ox < outW; ox++, cell++) {
                int x0 = Math.max(0, ox * pw - left), x1 = Math.min(w, ox * pw - left + pw);
                boolean open = o[cell] > 0; // a window whose maximum is <= 0 passes no gradient
                for (int y = y0; y < y1; y++) {
                    for (int i = base + y * w + x0, end = base + y * w + x1; i < end; i++) {
                        boolean wins = open && (v[i] * a + b) == o[cell];
                        dx[i] = wins ? dy[cell] : 0f;
                        if (wins) open = false; // only the first largest input
                    }
                }
            }
        }
    }

    /** 1x1 windows: ReLU alone (loops C2 vectorises). */
    private static void relu(float[] v, float a, float b, float[] o, int from, int len) {
        for (int i = from, end = from + len; i < end; i++) o[i] = Math.max(v[i] * a + b, 0f);
    }

    static void reluGradient(float[] v, float a, float b, float[] dy, float[] dx, int from, int len) {
        // the sign of v·a + b is a coin toss per value: branches mispredict half the time, vector masks do not
        if (Simd.AVAILABLE) {
            VectorKernels.reluGradient(v, a, b, dy, dx, from, len);
        } else {
            for (int i = from, end = from + len; i < end; i++) dx[i] = (v[i] * a + b) > 0 ? dy[i] : 0f;
        }
    }

    /**
     * 2x2 windows (never overhanging at the top/left: the overhang is 0 or 1); a ragged last row or column is read
     * twice, which changes no maximum.
     */
    private static void pool2x2(float[] v, float a, float b, float[] o, int base, int cell, int h, int w) {
        for (int y0 = 0; y0 < h; y0 += 2) {
            int r0 = base + y0 * w, r1 = y0 + 1 < h ? r0 + w : r0;
            for (int x = 0; x < w; x += 2, cell++) {
                int x1 = Math.min(x + 1, w - 1);
                float top = Math.max(v[r0 + x] * a + b, v[r0 + x1] * a + b);
                float bottom = Math.max(v[r1 + x] * a + b, v[r1 + x1] * a + b);
                o[cell] = Math.max(Math.max(top, bottom), 0f);
            }
        }
    }

    /**
     * 2x2 windows, with integer masks instead of branches. The output {@code o} is +0 or the (positive) maximum
     * itself, so comparing bit patterns finds the winner; masks {@code e0..e3} keep only the first match.
     */
    private static void unpool2x2(float[] v, float a, float b, float[] o, float[] dy, float[] dx, int base, int cell, int h,
                                  int w) {
        for (int y0 = 0; y0 < h; y0 += 2) {
            int r0 = base + y0 * w, r1 = r0 + w;
            boolean twoRows = y0 + 1 < h;
            for (int x = 0; x < w; x += 2, cell++) {
                boolean twoColumns = x + 1 < w;
                int m = Float.floatToRawIntBits(o[cell]);
                int g = Float.floatToRawIntBits(dy[cell]) & (-m >> 31); // no gradient when the output is +0
                int e0 = equal(v[r0 + x] * a + b, m);
                int e1 = twoColumns ? equal(v[r0 + x + 1] * a + b, m) & ~e0 : 0;
                int e2 = twoRows ? equal(v[r1 + x] * a + b, m) & ~(e0 | e1) : 0;
                int e3 = twoRows && twoColumns ? equal(v[r1 + x + 1] * a + b, m) & ~(e0 | e1 | e2) : 0;
                dx[r0 + x] = Float.intBitsToFloat(g & e0);
                if (twoColumns) dx[r0 + x + 1] = Float.intBitsToFloat(g & e1);
                if (twoRows) {
                    dx[r1 + x] = Float.intBitsToFloat(g & e2);
                    if (twoColumns) dx[r1 + x + 1] = Float.intBitsToFloat(g & e3);
                }
            }
        }
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    /** All ones when {@code value}'s bits are {@code bits}, else 0. */
    private static int equal(float value, int bits) {
        int d = Float.floatToRawIntBits(value) ^ bits;
        return ~((d | -d) >> 31);
    }
}
