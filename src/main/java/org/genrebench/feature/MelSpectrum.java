package org.genrebench.feature;

import org.genrebench.dsp.Dct;
import org.genrebench.dsp.Decibels;
import org.genrebench.dsp.MelFilterBank;

/**
 * Mel-scale features of a power spectrogram, as librosa 0.9: {@code melspectrogram} (128 Slaney bands, power 2),
 * {@code power_to_db} (ref 1, amin 1e-10, top_db 80 over the whole spectrogram) and {@code mfcc} (orthonormal DCT-II
 * of the dB mel spectrogram, first {@code n_mfcc} coefficients, no liftering). Not thread-safe.
 */
public final class MelSpectrum {
    private final SpectralParams params;
    private final MelFilterBank bank;
    private final Dct dct;

    public MelSpectrum(SpectralParams params) {
        this.params = params;
        this.bank = new MelFilterBank(params.sampleRate(), params.nFft(), params.nMels(), 0.0, params.sampleRate() / 2.0);
        this.dct = new Dct(params.nMels(), params.nMfcc());
    }

    public MelFilterBank bank() {
        return bank;
    }

    /** Mel power in dB, frame-major: {@code melDb[t * nMels + m]}. */
    public void melDb(float[] power, int frames, double[] melDb) {
        int bins = params.bins(), nMels = params.nMels();
        for (int t = 0; t < frames; t++) bank.apply(power, t * bins, melDb, t * nMels);
        Decibels.powerToDb(melDb, 0, frames * nMels, Decibels.TOP_DB);
    }

    /** MFCCs of a dB mel spectrogram, frame-major: {@code mfcc[t * nMfcc + i]}. */
    public void mfcc(double[] melDb, int frames, double[] mfcc) {
        int nMels = params.nMels(), nMfcc = params.nMfcc();
        for (int t = 0; t < frames; t++) dct.apply(melDb, t * nMels, mfcc, t * nMfcc);
    }
}
