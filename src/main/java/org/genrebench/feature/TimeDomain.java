package org.genrebench.feature;

/**
 * Frame-wise time-domain features with centred frames, as librosa 0.9:
 * {@code rms(y, frame_length, hop_length, center=True, pad_mode='constant')} and
 * {@code zero_crossing_rate(y, frame_length, hop_length, center=True)} (edge padding, threshold 1e-10, a zero counts
 * as positive). Both use {@code 1 + length / hop} frames.
 */
public final class TimeDomain {
    private TimeDomain() {
    }

    /** Root-mean-square of each zero-padded centred frame; {@code prefix} is scratch of at least {@code length + 1}. */
    public static void rms(float[] y, int offset, int length, int frameLength, int hop, double[] prefix, double[] out) {
        prefix[0] = 0;
        for (int i = 0; i < length; i++) {
            double v = y[offset + i];
            prefix[i + 1] = prefix[i] + v * v;
        }
        int frames = 1 + length / hop, pad = frameLength / 2;
        for (int t = 0; t < frames; t++) {
            int lo = Math.max(0, t * hop - pad), hi = Math.min(length, t * hop - pad + frameLength);
            double e = hi > lo ? prefix[hi] - prefix[lo] : 0;
            out[t] = Math.sqrt(Math.max(0, e) / frameLength);
        }
    }

    /**
     * Fraction of sign changes in each edge-padded centred frame (changes between the {@code frameLength - 1}
     * adjacent pairs, divided by {@code frameLength}); {@code prefix} is scratch of at least
     * {@code length + frameLength + 1} ints.
     */
    public static void zeroCrossingRate(float[] y, int offset, int length, int frameLength, int hop, int[] prefix, double[] out) {
        int pad = frameLength / 2, padded = length + 2 * pad;
        // prefix[i] = number of sign changes between padded[j-1] and padded[j] for 1 <= j <= i - 1... counted up to i
        prefix[0] = 0;
        boolean prev = negative(y[offset]);
        prefix[1] = 0;
        for (int j = 1; j < padded; j++) {
            int src = Math.min(length - 1, Math.max(0, j - pad));
            boolean cur = negative(y[offset + src]);
            prefix[j + 1] = prefix[j] + (cur != prev ? 1 : 0);
            prev = cur;
        }
        int frames = 1 + length / hop;
        for (int t = 0; t < frames; t++) {
            int s = t * hop; // frame covers padded[s, s + frameLength); pairs (j-1, j) for j in (s, s + frameLength)
            int count = prefix[s + frameLength] - prefix[s + 1];
            out[t] = count / (double) frameLength;
        }
    }

    private static boolean negative(float v) {
        return v < 0 && Math.abs(v) > 1e-10;
    }
}
