package org.genrebench.feature;

import org.genrebench.audio.AudioLoader;

/**
 * The analysis parameters shared by every feature, with librosa 0.9's defaults in one place.
 *
 * @param sampleRate samples per second of the input ({@code sr}, librosa default 22 050)
 * @param nFft       FFT size and Hann window length ({@code n_fft}, 2048)
 * @param hop        hop between centred frames ({@code hop_length}, 512)
 * @param nMels      mel bands for MFCC, onset strength and log-mel ({@code n_mels}, 128)
 * @param nMfcc      MFCC coefficients kept ({@code n_mfcc}, 20)
 */
public record SpectralParams(int sampleRate, int nFft, int hop, int nMels, int nMfcc) {
    /** librosa 0.9 defaults: 22 050 Hz, n_fft 2048, hop 512, 128 mel bands, 20 MFCCs. */
    public static final SpectralParams DEFAULT = new SpectralParams(AudioLoader.DEFAULT_SAMPLE_RATE, 2048, 512, 128, 20);

    public SpectralParams {
        if (sampleRate <= 0 || nFft <= 0 || hop <= 0 || nMels <= 0 || nMfcc <= 0 || nMfcc > nMels)
            throw new IllegalArgumentException("invalid spectral parameters");
        if (Integer.bitCount(nFft) != 1) throw new IllegalArgumentException("n_fft must be a power of two: " + nFft);
    }

    /** Frequency bins per frame, {@code n_fft/2 + 1}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** Centre frequency of FFT bin {@code k} in Hz ({@code librosa.fft_frequencies}). */
    public double binHz(int k) {
        return k * (double) sampleRate / nFft;
    }

    /** Samples of a window of {@code seconds} at this rate: {@code round(seconds × sr)} (3 s → 66 150). */
    public int windowSamples(double seconds) {
        return (int) Math.round(seconds * sampleRate);
    }

    /** Centred frames for {@code samples} samples: {@code 1 + samples / hop}. */
    public int frames(int samples) {
        return 1 + samples / hop;
    }
}
