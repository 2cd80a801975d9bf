package org.genrebench.model.deep;

import java.util.Arrays;
import java.util.List;

/**
 * Per-mel-band standardisation: each band's mean and standard deviation, pooled over all frames of all
 * training windows. Fitted on the training fold only (inside {@code fit}), so no test-fold statistics leak in.
 * Per band rather than global because log-mel energy falls steeply with frequency; per band keeps
 * high-frequency texture (hi-hats, distortion) on the same scale as the bass.
 */
public final class MelNormalizer {
    /** Floor for the standard deviation, so a silent (constant) band maps to 0 rather than NaN. */
    private static final double MIN_STD = 1e-6;

    private final MelWindowShape shape;
    private final float[] mean;
    private final float[] std;

    MelNormalizer(MelWindowShape shape, float[] mean, float[] std) {
        this.shape = shape;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Fits band statistics on {@code windows}, each laid out as {@link MelWindowShape} describes. */
    public static MelNormalizer fit(MelWindowShape shape, List<float[]> windows) {
        int bands = shape.bands(), frames = shape.frames();
        double[] sum = new double[bands], sumSq = new double[bands];
        for (float[] w : windows) {
            checkLength(shape, w);
            for (int b = 0; b < bands; b++) {
                int base = b * frames;
                for (int t = 0; t < frames; t++) {
                    double v = w[base + t];
                    sum[b] += v;
                    sumSq[b] += v * v;
                }
            }
        }
        double n = (double) windows.size() * frames;
        float[] mean = new float[bands], std = new float[bands];
        for (int b = 0; b < bands; b++) {
            double m = sum[b] / n;
            mean[b] = (float) m;
            std[b] = (float) Math.max(MIN_STD, Math.sqrt(Math.max(0, sumSq[b] / n - m * m)));
        }
        return new MelNormalizer(shape, mean, std);
    }

    /** Writes the standardised {@code window} into {@code out} at {@code offset}. */
    public void apply(float[] window, float[] out, int offset) {
        checkLength(shape, window);
        int frames = shape.frames();
        for (int b = 0; b < shape.bands(); b++) {
            float m = mean[b], inv = 1f / std[b];
            int base = b * frames;
            for (int t = 0; t < frames; t++) {
                out[offset + base + t] = (window[base + t] - m) * inv;
            }
        }
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    private static void checkLength(MelWindowShape shape, float[] w) {
        if (w.length != shape.length()) {
            throw new IllegalArgumentException("mel window has " + w.length + " values, expected " + shape.length()
                    + " (" + shape + ", band-major)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MelNormalizer n && shape.equals(n.shape) && Arrays.equals(mean, n.mean)
                && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
