package org.genrebench.feature;

import java.util.Arrays;

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
        // prefix[j + 1] = sign changes between padded[i - 1] and padded[i] for 1 <= i <= j. The edge padding repeats
        // y[0] and y[length - 1], so changes can only occur inside the signal; the loop there is branch-free.
        Arrays.fill(prefix, 0, pad + 2, 0);
        int changes = 0;
        int prev = negative(y[offset]);
        for (int i = 1; i < length; i++) {
            int cur = negative(y[offset + i]);
            changes += cur ^ prev;
            prefix[pad + i + 1] = changes;
            prev = cur;
        }
        Arrays.fill(prefix, pad + length + 1, padded + 1, changes);
        int frames = 1 + length / hop;
        for (int t = 0; t < frames; t++) {
            int s = t * hop; // frame covers padded[s, s + frameLength); pairs (j-1, j) for j in (s, s + frameLength)
            int count = prefix[s + frameLength] - prefix[s + 1];
            out[t] = count / (double) frameLength;
        }
    }

    /** 1 where librosa's {@code zero_crossings} counts a sample as negative ({@code v < 0} and {@code |v| > 1e-10}). */
    private static int negative(float v) {
        return v < -1e-10 ? 1 : 0;
    }
}
