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
    private final float[] sorted; // window values in ascending order
    private final int[] ids;      // window slot of each sorted value
    private final int[] pos;      // sorted position of each window slot
    private float[] ext = new float[0];

    public MedianFilter(int width) {
        if (width < 1 || width % 2 == 0) throw new IllegalArgumentException("median width must be odd: " + width);
        this.width = width;
        this.radius = width / 2;
        this.sorted = new float[width];
        this.ids = new int[width];
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
        float[] v = sorted;
        int[] id = ids, at = pos;
        // insertion-sort the first window; window slot j holds ext[i + j] for the current i (circularly)
        for (int j = 0; j < w; j++) {
            float x = e[j];
            int k = j;
            while (k > 0 && v[k - 1] > x) {
                v[k] = v[k - 1];
                id[k] = id[k - 1];
                k--;
            }
            v[k] = x;
            id[k] = j;
        }
        for (int k = 0; k < w; k++) at[id[k]] = k;
        int slot = 0;
        for (int i = 0; ; i++) {
            out[outOffset + i * outStride] = v[r];
            if (i == n - 1) break;
            float x = e[i + w];
            // the incoming sample takes the outgoing sample's slot and sorted position, then moves into order
            int k = at[slot];
            if (x > v[k]) {
                while (k + 1 < w && v[k + 1] < x) {
                    v[k] = v[k + 1];
                    int moved = id[k + 1];
                    id[k] = moved;
                    at[moved] = k;
                    k++;
                }
            } else {
                while (k > 0 && v[k - 1] > x) {
                    v[k] = v[k - 1];
                    int moved = id[k - 1];
                    id[k] = moved;
                    at[moved] = k;
                    k--;
                }
            }
            v[k] = x;
            id[k] = slot;
            at[slot] = k;
            if (++slot == w) slot = 0;
        }
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
