package org.genrebench.dsp;

/**
 * Sliding-window median of odd width, matching {@code scipy.ndimage.median_filter(x, size=w, mode='reflect')} along
 * one axis: the signal is extended by half-sample symmetric reflection ({@code d c b a | a b c d | d c b a}).
 *
 * <p>Keeps the window sorted; each step removes the outgoing sample (binary search) and inserts the incoming one by
 * shifting the values between the two positions, so a step costs {@code O(log w + rank change)}. Not thread-safe;
 * no allocation per call.
 */
public final class MedianFilter {
    private final int width;
    private final int radius;
    private final float[] sorted;
    private float[] ext = new float[0];

    public MedianFilter(int width) {
        if (width < 1 || width % 2 == 0) throw new IllegalArgumentException("median width must be odd: " + width);
        this.width = width;
        this.radius = width / 2;
        this.sorted = new float[width];
    }

    /**
     * Filters {@code n} samples read from {@code in[inOffset + i * inStride]} into
     * {@code out[outOffset + i * outStride]}.
     */
    public void filter(float[] in, int inOffset, int inStride, int n, float[] out, int outOffset, int outStride) {
        int len = n + 2 * radius;
        if (ext.length < len) ext = new float[len];
        float[] e = ext;
        for (int i = 0; i < len; i++) e[i] = in[inOffset + reflect(i - radius, n) * inStride];
        System.arraycopy(e, 0, sorted, 0, width);
        java.util.Arrays.sort(sorted);
        float[] s = sorted;
        int w = width;
        for (int i = 0; ; i++) {
            out[outOffset + i * outStride] = s[radius];
            if (i == n - 1) break;
            float old = e[i], nw = e[i + w];
            if (old == nw) continue;
            int p = find(s, old);
            if (nw > old) {
                while (p + 1 < w && s[p + 1] < nw) {
                    s[p] = s[p + 1];
                    p++;
                }
            } else {
                while (p > 0 && s[p - 1] > nw) {
                    s[p] = s[p - 1];
                    p--;
                }
            }
            s[p] = nw;
        }
    }

    private static int find(float[] s, float v) {
        int lo = 0, hi = s.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            float m = s[mid];
            if (m < v) lo = mid + 1;
            else if (m > v) hi = mid - 1;
            else return mid;
        }
        throw new IllegalStateException("value not in window (NaN input?)");
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
