package org.genrebench.feature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each processing stage against librosa 0.9.2's own intermediate arrays for two GTZAN tracks. */
class LibrosaStagesTest {
    private static final SpectralParams P = SpectralParams.DEFAULT;

    private static double[] row(double[][] a, int r) {
        return a[r];
    }

    /** Frame-major {@code x[t * width + i]} → reference layout row i. */
    private static double[] column(double[] x, int width, int i, int frames) {
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) out[t] = x[t * width + i];
        return out;
    }

    private static void check(String what, double err, double tol) {
        System.out.printf("  %-28s max scaled error %.2e%n", what, err);
        assertTrue(err <= tol, what + " error " + err + " > " + tol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blues.00000", "classical.00000"})
    void stagesMatchLibrosa(String track) {
        LibrosaReference ref = new LibrosaReference(track);
        float[] y = ref.audio();
        System.out.println(track);
        Spectrogram spec = new Spectrogram(P).compute(y, 0, y.length);
        int frames = spec.frames(), bins = spec.bins();
        assertEquals((int) ref.summary("frames"), frames);

        // STFT magnitude: first five frames (zero-padded centring) and the middle frame
        double[][] first = ref.array("stft_mag_frames0-4");
        double err = 0;
        for (int t = 0; t < 5; t++) {
            double[] col = new double[bins], refCol = new double[bins];
            for (int k = 0; k < bins; k++) {
                col[k] = spec.magnitude()[t * bins + k];
                refCol[k] = first[k][t];
            }
            err = Math.max(err, LibrosaReference.maxScaledError(col, refCol));
        }
        check("stft |D| frames 0-4", err, 1e-4);
        double[] mid = new double[bins];
        for (int k = 0; k < bins; k++) mid[k] = spec.magnitude()[(frames / 2) * bins + k];
        check("stft |D| middle frame", LibrosaReference.maxScaledError(mid, ref.array("stft_mag_frame_mid")[0]), 1e-4);

        // mel dB and MFCC
        MelSpectrum mel = new MelSpectrum(P);
        double[] melDb = new double[frames * P.nMels()];
        mel.melDb(spec.power(), frames, melDb);
        double[][] refMel = ref.array("mel_power_db");
        err = 0;
        for (int m = 0; m < P.nMels(); m++) {
            double[] got = column(melDb, P.nMels(), m, frames);
            for (int t = 0; t < frames; t++) err = Math.max(err, Math.abs(got[t] - refMel[m][t]));
        }
        check("mel dB (abs dB)", err, 2e-3);
        double[] mfcc = new double[frames * P.nMfcc()];
        mel.mfcc(melDb, frames, mfcc);
        double[][] refMfcc = ref.array("mfcc");
        err = 0;
        for (int c = 0; c < P.nMfcc(); c++) err = Math.max(err, LibrosaReference.maxScaledError(column(mfcc, P.nMfcc(), c, frames), row(refMfcc, c)));
        check("mfcc", err, 1e-4);

        // chroma with estimated tuning
        float[] scratch = new float[2 * frames * bins];
        // summary.json holds librosa.estimate_tuning(y=y): piptrack on the magnitude; chroma_stft passes the power
        assertEquals(ref.summary("tuning_semitone_fraction"), Chroma.estimateTuning(spec.magnitude(), frames, P, scratch), 1e-9, "tuning");
        double tuning = Chroma.estimateTuning(spec.power(), frames, P, scratch);
        double[] chroma = new double[12 * frames];
        Chroma.chroma(spec.power(), frames, P, Chroma.filterBank(P, tuning), chroma);
        double[][] refChroma = ref.array("chroma_stft");
        err = 0;
        for (int c = 0; c < 12; c++) {
            double[] got = new double[frames];
            System.arraycopy(chroma, c * frames, got, 0, frames);
            err = Math.max(err, LibrosaReference.maxScaledError(got, refChroma[c]));
        }
        check("chroma_stft", err, 1e-3);

        // time-domain and spectral-shape features
        double[] a = new double[frames], b = new double[frames];
        TimeDomain.rms(y, 0, y.length, P.nFft(), P.hop(), new double[y.length + 1], a);
        check("rms", LibrosaReference.maxScaledError(a, ref.array("rms")[0]), 1e-4);
        TimeDomain.zeroCrossingRate(y, 0, y.length, P.nFft(), P.hop(), new int[y.length + P.nFft() + 1], a);
        check("zero_crossing_rate", LibrosaReference.maxScaledError(a, ref.array("zero_crossing_rate")[0]), 1e-6);
        SpectralShape.centroidAndBandwidth(spec.magnitude(), frames, P, a, b);
        check("spectral_centroid", LibrosaReference.maxScaledError(a, ref.array("spectral_centroid")[0]), 1e-4);
        check("spectral_bandwidth", LibrosaReference.maxScaledError(b, ref.array("spectral_bandwidth")[0]), 1e-4);
        SpectralShape.rolloff(spec.magnitude(), frames, P, SpectralShape.ROLL_PERCENT, a);
        check("rolloff", LibrosaReference.maxScaledError(a, ref.array("rolloff")[0]), 1e-2);

        // onset strength (librosa.onset.onset_strength default: mean over bands) and beat_track tempo
        Rhythm rhythm = new Rhythm(P);
        rhythm.onsetStrength(melDb, frames, Rhythm.Aggregate.MEAN, a);
        check("onset_strength (mean)", LibrosaReference.maxScaledError(a, ref.array("onset_strength")[0]), 1e-3);
        rhythm.onsetStrength(melDb, frames, Rhythm.Aggregate.MEDIAN, a);
        assertEquals(ref.summary("tempo_bpm"), rhythm.tempo(a, frames), 1e-9, "tempo");

        // HPSS: first second of both signals, and whole-signal mean/var
        float[] h = new float[y.length], pc = new float[y.length];
        new Hpss(P).separate(spec, y, 0, y.length, h, pc);
        double[] hs = new double[22050], ps = new double[22050];
        for (int i = 0; i < 22050; i++) {
            hs[i] = h[i];
            ps[i] = pc[i];
        }
        check("harmonic (first second)", LibrosaReference.maxScaledError(hs, ref.array("harmonic_first_22050")[0]), 1e-4);
        check("percussive (first second)", LibrosaReference.maxScaledError(ps, ref.array("percussive_first_22050")[0]), 1e-4);
    }
}
