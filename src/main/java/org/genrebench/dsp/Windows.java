package org.genrebench.dsp;

/** Window functions. */
public final class Windows {
    private Windows() {
    }

    /**
     * Periodic Hann window of length {@code n} ({@code scipy.signal.get_window('hann', n, fftbins=True)}, which is
     * what librosa uses for STFT, ISTFT and the tempogram): {@code 0.5 - 0.5 cos(2πi/n)}.
     */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        return w;
    }
}
