package org.genrebench.dsp;

/**
 * Sliding-window median of odd width, matching {@code scipy.ndimage.median_filter(x, size=w, mode='reflect')} along
 * one axis: the signal is extended by half-sample symmetric reflection ({@code d c b a | a b c d | d c b a}).
 *
 * <p>Keeps the window sorted together with each sample's sorted position, so the outgoing sample is found in
 * {@code O(1)}; the incoming sample takes its place and moves into order, so a step costs {@code O(rank change)},
 * which is small for the slowly varying rows and columns of a spectrogram. Not thread-safe;
 * no allocation per call.
 */
public final class MedianFilter {
    private final int width;
    private final int radius;
    private final long[] keys; // sentinel, window in ascending order as (sortable bits << 32 | slot), sentinel
    private final int[] pos;   // sorted position (1..w) of each window slot
    private float[] ext = new float[0];

    public MedianFilter(int width) {
        if (width < 1 || width % 2 == 0) throw new IllegalArgumentException("median width must be odd: " + width);
        this.width = width;
        this.radius = width / 2;
        this.keys = new long[width + 2];
        this.pos = new int[width];
    }

    /**
     * Filters {@code n} samples read from {@code in[inOffset + i * inStride]} into
     * {@code out[outOffset + i * outStride]}.
     */
    public void filter(float[] in, int inOffset, int inStride, int n, float[] out, int outOffset, int outStride) {
        int len = n + 2 * radius;
        if (ext.length < len) ext = new float[len];
        float[] e = ext;
        if (n > radius) {
            for (int i = 0; i < n; i++) e[radius + i] = in[inOffset + i * inStride];
            for (int j = 0; j < radius; j++) {
                e[radius - 1 - j] = e[radius + j];
                e[radius + n + j] = e[radius + n - 1 - j];
            }
        } else {
            for (int i = 0; i < len; i++) e[i] = in[inOffset + reflect(i - radius, n) * inStride];
        }
        int w = width, r = radius;
        long[] key = keys;
        int[] at = pos;
        // keys[1..w] hold the window in ascending order as (sortable value bits << 32 | window slot), between
        // sentinels keys[0] = MIN and keys[w+1] = MAX; window slot j holds ext[i + j] for the current i (circularly)
        key[0] = Long.MIN_VALUE;
        for (int j = 0; j < w; j++) {
            long x = ((long) sortableBits(e[j]) << 32) | j;
            int k = j + 1;
            while (key[k - 1] > x) {
                key[k] = key[k - 1];
                k--;
            }
            key[k] = x;
        }
        key[w + 1] = Long.MAX_VALUE;
        for (int k = 1; k <= w; k++) at[(int) key[k]] = k;
        int slot = 0, median = r + 1;
        for (int i = 0; ; i++) {
            out[outOffset + i * outStride] = Float.intBitsToFloat(sortableBits((int) (key[median] >> 32)));
            if (i == n - 1) break;
            long x = ((long) sortableBits(e[i + w]) << 32) | slot;
            // the incoming sample takes the outgoing sample's slot and sorted position, then moves into order
            int k = at[slot];
            if (x > key[k]) {
                long next;
                while ((next = key[k + 1]) < x) {
                    key[k] = next;
                    at[(int) next] = k;
                    k++;
                }
            } else {
                long prev;
                while ((prev = key[k - 1]) > x) {
                    key[k] = prev;
                    at[(int) prev] = k;
                    k--;
                }
            }
            key[k] = x;
            at[slot] = k;
            if (++slot == w) slot = 0;
        }
    }

    /**
     * An int whose signed order is the float order (finite values and infinities; -0 is read as +0). The mapping
     * is its own inverse on the bit pattern.
     */
    static int sortableBits(float x) {
        int b = Float.floatToRawIntBits(x + 0.0f);
        return b >= 0 ? b : b ^ 0x7fffffff;
    }

    private static int sortableBits(int b) {
        return b >= 0 ? b : b ^ 0x7fffffff;
    }

    /** scipy 'reflect' index mapping for {@code i} in {@code [-n, 2n)}; repeats for longer reaches. */
    static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * n;
        i %= period;
        if (i < 0) i += period;
        return i < n ? i : period - 1 - i;
    }
}
