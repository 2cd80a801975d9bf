package org.genrebench.dsp;

/**
 * Slaney-style mel filter bank, as {@code librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk=False,
 * norm='slaney')}: triangular filters on the Slaney mel scale (linear below 1 kHz, logarithmic above), each scaled
 * to unit area ({@code 2 / (f[i+2] - f[i])}). Stored sparsely: filter {@code m} covers bins
 * {@code [start(m), start(m) + weights(m).length)}.
 */
public final class MelFilterBank {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int nMels;
    private final int bins;
    private final int[] start;
    private final float[][] weights;

    public MelFilterBank(double sr, int nFft, int nMels, double fmin, double fmax) {
        this.nMels = nMels;
        this.bins = nFft / 2 + 1;
        double[] fft = new double[bins];
        for (int k = 0; k < bins; k++) fft[k] = k * (sr / 2) / (bins - 1);
        double minMel = hzToMel(fmin), maxMel = hzToMel(fmax);
        double[] melF = new double[nMels + 2];
        for (int i = 0; i < nMels + 2; i++) melF[i] = melToHz(minMel + (maxMel - minMel) * i / (nMels + 1));
        start = new int[nMels];
        weights = new float[nMels][];
        float[] row = new float[bins];
        for (int m = 0; m < nMels; m++) {
            double fd0 = melF[m + 1] - melF[m], fd1 = melF[m + 2] - melF[m + 1];
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            int lo = -1, hi = -1;
            for (int k = 0; k < bins; k++) {
                double lower = -(melF[m] - fft[k]) / fd0;
                double upper = (melF[m + 2] - fft[k]) / fd1;
                // librosa stores the triangle as float32, then multiplies by enorm in float32
                float w = (float) Math.max(0, Math.min(lower, upper));
                w = (float) (w * enorm);
                row[k] = w;
                if (w > 0) {
                    if (lo < 0) lo = k;
                    hi = k;
                }
            }
            if (lo < 0) {
                start[m] = 0;
                weights[m] = new float[0];
            } else {
                start[m] = lo;
                weights[m] = java.util.Arrays.copyOfRange(row, lo, hi + 1);
            }
        }
    }

    /** Slaney mel of a frequency in Hz ({@code librosa.hz_to_mel(f, htk=False)}). */
    public static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    /** Inverse of {@link #hzToMel}. */
    public static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    public int mels() {
        return nMels;
    }

    public int bins() {
        return bins;
    }

    public int start(int mel) {
        return start[mel];
    }

    public float[] weights(int mel) {
        return weights[mel];
    }

    /** Applies the bank to one power spectrum {@code power[offset, offset+bins)}, writing {@code out[outOffset, +mels)}. */
    public void apply(float[] power, int offset, double[] out, int outOffset) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weights[m];
            int s = offset + start[m];
            double acc = 0;
            for (int i = 0; i < w.length; i++) acc += w[i] * (double) power[s + i];
            out[outOffset + m] = acc;
        }
    }
}
