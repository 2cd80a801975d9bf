package org.genrebench.feature;

import org.genrebench.dsp.Simd;
import org.genrebench.dsp.VectorMatrix;

import java.util.Arrays;

/**
 * {@code librosa.feature.chroma_stft} 0.9.2 on a power spectrogram: the tuning is estimated from the spectrogram
 * itself ({@code estimate_tuning} → {@code piptrack}, 0.01-semitone resolution), the default chroma filter bank
 * ({@code librosa.filters.chroma}: 12 bins, Gaussian bumps, centre octave 5, width 2, L2-normalised columns, starting
 * at C) is built for that tuning, and each frame is normalised by its maximum (∞-norm).
 */
public final class Chroma {
    public static final int N_CHROMA = 12;
    /** piptrack's defaults used by {@code estimate_tuning}. */
    public static final double PIP_FMIN = 150.0, PIP_FMAX = 4000.0, PIP_THRESHOLD = 0.1, TUNING_RESOLUTION = 0.01;

    private Chroma() {
    }

    /**
     * {@code librosa.filters.chroma(sr, n_fft, n_chroma=12, tuning)} as a {@code 12 × bins} row-major matrix
     * (values rounded to float32, like librosa's default dtype).
     */
    public static double[] filterBank(SpectralParams p, double tuning) {
        int nFft = p.nFft(), bins = p.bins(), n = N_CHROMA;
        double a440 = 440.0 * Math.pow(2.0, tuning / n);
        double[] frq = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double f = k * (double) p.sampleRate() / nFft;
            frq[k] = n * log2(f / (a440 / 16));
        }
        frq[0] = frq[1] - 1.5 * n;
        double[] width = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) width[k] = Math.max(frq[k + 1] - frq[k], 1.0);
        width[nFft - 1] = 1;
        double half = Math.round(n / 2.0);
        double[] w = new double[n * bins];
        for (int k = 0; k < bins; k++) {
            double norm = 0;
            for (int c = 0; c < n; c++) {
                double d = frq[k] - c + half + 10 * n;
                d = d - n * Math.floor(d / n) - half;
                double g = Math.exp(-0.5 * Math.pow(2 * d / width[k], 2));
                w[c * bins + k] = g;
                norm += g * g;
            }
            norm = Math.sqrt(norm);
            double oct = Math.exp(-0.5 * Math.pow((frq[k] / n - 5.0) / 2.0, 2));
            for (int c = 0; c < n; c++) w[c * bins + k] = (norm < Double.MIN_NORMAL ? w[c * bins + k] : w[c * bins + k] / norm) * oct;
        }
        double[] out = new double[n * bins];
        int roll = 3 * (n / 12);
        for (int c = 0; c < n; c++) {
            int src = (c + roll) % n;
            for (int k = 0; k < bins; k++) out[c * bins + k] = (float) w[src * bins + k];
        }
        return out;
    }

    /**
     * {@code librosa.estimate_tuning(S=power, sr, n_fft, bins_per_octave=12)}: parabolic-interpolated spectral peaks
     * between 150 and 4000 Hz above 0.1 × the frame maximum ({@code piptrack}), kept where their magnitude reaches
     * the median, histogrammed by deviation from the equal-tempered grid at 0.01-semitone resolution; returns the
     * most common deviation in fractions of a bin, in {@code [-0.5, 0.5)}.
     *
     * @param scratch at least {@code 2 × frames × bins} floats (pitches and magnitudes of the candidate peaks)
     */
    public static double estimateTuning(float[] power, int frames, SpectralParams p, float[] scratch) {
        int bins = p.bins();
        double sr = p.sampleRate();
        int nFft = p.nFft();
        int kMin = Integer.MAX_VALUE, kMax = -1;
        for (int k = 0; k < bins; k++) {
            double f = p.binHz(k);
            if (f >= PIP_FMIN && f < Math.min(PIP_FMAX, sr / 2)) {
                kMin = Math.min(kMin, k);
                kMax = Math.max(kMax, k);
            }
        }
        int count = 0;
        int half = scratch.length / 2;
        for (int t = 0; t < frames; t++) {
            int base = t * bins;
            float max = 0;
            for (int k = 0; k < bins; k++) max = Math.max(max, power[base + k]);
            float ref = (float) PIP_THRESHOLD * max;
            for (int k = Math.max(kMin, 1); k <= Math.min(kMax, bins - 2); k++) {
                float x = gated(power[base + k], ref);
                if (!(x > gated(power[base + k - 1], ref) && x >= gated(power[base + k + 1], ref))) continue;
                float s0 = power[base + k - 1], s1 = power[base + k], s2 = power[base + k + 1];
                float avg = 0.5f * (s2 - s0);
                float shift = 2 * s1 - s2 - s0;
                shift = avg / (shift + (Math.abs(shift) < Float.MIN_NORMAL ? 1f : 0f));
                float dskew = 0.5f * avg * shift;
                double pitch = (k + (double) shift) * sr / nFft;
                if (pitch <= 0) continue;
                scratch[count] = (float) pitch;
                scratch[half + count] = s1 + dskew;
                count++;
            }
        }
        if (count == 0) return 0.0;
        float[] mags = Arrays.copyOfRange(scratch, half, half + count);
        double threshold = median(mags);
        int nBins = (int) Math.ceil(1.0 / TUNING_RESOLUTION);
        double[] edges = new double[nBins + 1];
        for (int i = 0; i <= nBins; i++) edges[i] = -0.5 + i * (1.0 / nBins);
        edges[nBins] = 0.5;
        int[] hist = new int[nBins];
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (scratch[half + i] < threshold) continue;
            double octs = log2(scratch[i] / (440.0 / 16));
            double r = 12 * octs;
            r = r - Math.floor(r);
            if (r >= 0.5) r -= 1.0;
            int b = (int) ((r + 0.5) * nBins);
            if (b >= nBins) b = nBins - 1;
            if (b > 0 && r < edges[b]) b--;
            if (b < nBins - 1 && r >= edges[b + 1]) b++;
            hist[b]++;
            used++;
        }
        if (used == 0) return 0.0;
        int best = 0;
        for (int i = 1; i < nBins; i++) if (hist[i] > hist[best]) best = i;
        return edges[best];
    }

    /**
     * Chroma of a power spectrogram: {@code out[c * frames + t]} = (filterBank · S[:, t])[c] / max_c, a silent frame
     * giving zeros. The projection runs on {@link VectorMatrix} when {@link Simd#AVAILABLE}.
     */
    public static void chroma(float[] power, int frames, SpectralParams p, double[] bank, double[] out) {
        int bins = p.bins(), n = N_CHROMA;
        double[] acc = new double[n];
        double[] w = bank;
        double[] frame = new double[bins];
        for (int t = 0; t < frames; t++) {
            int base = t * bins;
            for (int k = 0; k < bins; k++) frame[k] = power[base + k];
            double max = 0;
            if (Simd.AVAILABLE) {
                VectorMatrix.multiply(w, n, bins, frame, acc);
                for (int c = 0; c < n; c++) max = Math.max(max, Math.abs(acc[c]));
            } else for (int c = 0; c < n; c++) {
                int row = c * bins, k = 0;
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0; // four partial sums: the adds are not latency-bound
                for (; k + 3 < bins; k += 4) {
                    a0 += w[row + k] * frame[k];
                    a1 += w[row + k + 1] * frame[k + 1];
                    a2 += w[row + k + 2] * frame[k + 2];
                    a3 += w[row + k + 3] * frame[k + 3];
                }
                for (; k < bins; k++) a0 += w[row + k] * frame[k];
                double a = (a0 + a1) + (a2 + a3);
                acc[c] = a;
                max = Math.max(max, Math.abs(a));
            }
            double norm = max < Float.MIN_NORMAL ? 1.0 : max;
            for (int c = 0; c < n; c++) out[c * frames + t] = acc[c] / norm;
        }
    }

    private static float gated(float s, float ref) {
        return s > ref ? s : 0f;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** numpy median: the middle value, or the mean of the two middle values (sorts {@code v} in place). */
    static double median(float[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + (double) v[n / 2]) / 2;
    }
}
