package org.genrebench.feature;

/**
 * Per-frame spectral shape features on the magnitude spectrogram, as librosa 0.9's
 * {@code spectral_centroid}, {@code spectral_bandwidth} (p = 2, normalised) and {@code spectral_rolloff}.
 */
public final class SpectralShape {
    /** librosa's default {@code roll_percent}. */
    public static final double ROLL_PERCENT = 0.85;

    private SpectralShape() {
    }

    /**
     * Centroid {@code Σ f S / Σ S} and bandwidth {@code sqrt(Σ (S/ΣS) (f - centroid)²)} of each frame of the
     * magnitude {@code mag} (frame-major). A silent frame (ΣS below the float32 tiny) gives 0 for both.
     */
    public static void centroidAndBandwidth(float[] mag, int frames, SpectralParams p, double[] centroid, double[] bandwidth) {
        int bins = p.bins();
        double df = p.binHz(1);
        for (int t = 0; t < frames; t++) {
            int base = t * bins;
            double sum = 0, fsum = 0;
            for (int k = 0; k < bins; k++) {
                double s = mag[base + k];
                sum += s;
                fsum += k * s;
            }
            double norm = sum < Float.MIN_NORMAL ? 1.0 : sum;
            double c = fsum * df / norm;
            double dev = 0;
            for (int k = 0; k < bins; k++) {
                double d = k * df - c;
                dev += mag[base + k] * d * d;
            }
            centroid[t] = c;
            bandwidth[t] = Math.sqrt(dev / norm);
        }
    }

    /**
     * Roll-off frequency: the lowest bin frequency at which the cumulative magnitude reaches {@code rollPercent} of
     * the frame total. Accumulates in float32 like librosa's {@code np.cumsum} on the float32 spectrogram.
     */
    public static void rolloff(float[] mag, int frames, SpectralParams p, double rollPercent, double[] out) {
        int bins = p.bins();
        float pct = (float) rollPercent;
        for (int t = 0; t < frames; t++) {
            int base = t * bins;
            float total = 0;
            for (int k = 0; k < bins; k++) total += mag[base + k];
            float threshold = pct * total;
            float cum = 0;
            int hit = bins - 1;
            for (int k = 0; k < bins; k++) {
                cum += mag[base + k];
                if (cum >= threshold) {
                    hit = k;
                    break;
                }
            }
            out[t] = p.binHz(hit);
        }
    }
}
