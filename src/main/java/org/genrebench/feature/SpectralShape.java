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
        int t = 0;
        // Four frames at a time: each frame's sums are one serial chain of dependent adds, so interleaving four
        // independent chains keeps the adder busy; every frame still adds its bins in order (bit-identical).
        for (; t + 4 <= frames; t += 4) {
            int b0 = t * bins, b1 = b0 + bins, b2 = b1 + bins, b3 = b2 + bins;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, f0 = 0, f1 = 0, f2 = 0, f3 = 0;
            for (int k = 0; k < bins; k++) {
                double m0 = mag[b0 + k], m1 = mag[b1 + k], m2 = mag[b2 + k], m3 = mag[b3 + k];
                s0 += m0;
                s1 += m1;
                s2 += m2;
                s3 += m3;
                f0 += k * m0;
                f1 += k * m1;
                f2 += k * m2;
                f3 += k * m3;
            }
            double n0 = norm(s0), n1 = norm(s1), n2 = norm(s2), n3 = norm(s3);
            double c0 = f0 * df / n0, c1 = f1 * df / n1, c2 = f2 * df / n2, c3 = f3 * df / n3;
            double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            for (int k = 0; k < bins; k++) {
                double fk = k * df;
                double e0 = fk - c0, e1 = fk - c1, e2 = fk - c2, e3 = fk - c3;
                d0 += mag[b0 + k] * e0 * e0;
                d1 += mag[b1 + k] * e1 * e1;
                d2 += mag[b2 + k] * e2 * e2;
                d3 += mag[b3 + k] * e3 * e3;
            }
            centroid[t] = c0;
            centroid[t + 1] = c1;
            centroid[t + 2] = c2;
            centroid[t + 3] = c3;
            bandwidth[t] = Math.sqrt(d0 / n0);
            bandwidth[t + 1] = Math.sqrt(d1 / n1);
            bandwidth[t + 2] = Math.sqrt(d2 / n2);
            bandwidth[t + 3] = Math.sqrt(d3 / n3);
        }
        for (; t < frames; t++) {
            int base = t * bins;
            double sum = 0, fsum = 0;
            for (int k = 0; k < bins; k++) {
                double s = mag[base + k];
                sum += s;
                fsum += k * s;
            }
            double norm = norm(sum);
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

    /** The centroid's and bandwidth's divisor: the frame total, or 1 for a silent frame. */
    private static double norm(double sum) {
        return sum < Float.MIN_NORMAL ? 1.0 : sum;
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
