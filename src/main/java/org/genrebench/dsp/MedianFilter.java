package org.genrebench.dsp;

/**
 * Sliding-window median of odd width, matching {@code scipy.ndimage.median_filter(x, size=w, mode='reflect')} along
 * one axis: the signal is extended by half-sample symmetric reflection ({@code d c b a | a b c d | d c b a}).
 *
 * <p>Keeps the window sorted; each step locates the outgoing and incoming samples by branch-free binary search and
 * shifts the values between the two positions, so a step costs {@code O(log w + rank change)}. Not thread-safe;
 * no allocation per call.
 */
public final class MedianFilter {
    private final int width;
    private final int radius;
    private final float[] sorted;
    private final int searchTop;
    private float[] ext = new float[0];

    public MedianFilter(int width) {
        if (width < 1 || width % 2 == 0) throw new IllegalArgumentException("median width must be odd: " + width);
        this.width = width;
        this.radius = width / 2;
        int cap = Integer.highestOneBit(width) << 1; // power of two > width, padded with +∞
        this.sorted = new float[cap];
        this.searchTop = cap / 2;
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
        float[] s = sorted;
        System.arraycopy(e, 0, s, 0, width);
        java.util.Arrays.sort(s, 0, width);
        java.util.Arrays.fill(s, width, s.length, Float.POSITIVE_INFINITY);
        int w = width, r = radius, top = searchTop;
        for (int i = 0; ; i++) {
            out[outOffset + i * outStride] = s[r];
            if (i == n - 1) break;
            float old = e[i], nw = e[i + w];
            int p = lowerBound(s, top, old);
            int q = lowerBound(s, top, nw);
            if (q > p) {
                // nw sorts after old: close the gap at p, insert before q
                System.arraycopy(s, p + 1, s, p, q - 1 - p);
                s[q - 1] = nw;
            } else {
                System.arraycopy(s, q, s, q + 1, p - q);
                s[q] = nw;
            }
        }
    }

    /** First index in the sorted, +∞-padded power-of-two array {@code s} whose value is {@code >= v} (branch-free). */
    private static int lowerBound(float[] s, int top, float v) {
        if (top == 16) { // width 17..31 (HPSS uses 31): five unrolled steps
            int p = s[15] < v ? 16 : 0;
            p += s[p + 7] < v ? 8 : 0;
            p += s[p + 3] < v ? 4 : 0;
            p += s[p + 1] < v ? 2 : 0;
            p += s[p] < v ? 1 : 0;
            return p;
        }
        int p = 0;
        for (int step = top; step > 0; step >>= 1) p += s[p + step - 1] < v ? step : 0;
        return p;
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
