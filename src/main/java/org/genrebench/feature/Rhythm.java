package org.genrebench.feature;

import org.genrebench.dsp.RealFft;
import org.genrebench.dsp.Simd;
import org.genrebench.dsp.VectorRealFft;
import org.genrebench.dsp.Windows;

import java.util.Arrays;

/**
 * Onset strength and global tempo, as librosa 0.9.2.
 *
 * <p>{@link #onsetStrength}: {@code onset_strength(lag=1, max_size=1, detrend=False, center=True)} on the dB mel
 * spectrogram: the positive first difference of each band, aggregated over bands by mean or median, shifted right by
 * {@code lag + n_fft / (2 hop)} frames (zeros) and trimmed to the spectrogram's frame count.
 *
 * <p>{@link #tempo}: {@code beat.tempo} as called by {@code beat_track} (whose onset envelope uses the
 * <b>median</b> aggregate): a Hann-windowed autocorrelation tempogram over {@code ac_size = 8 s} windows
 * (centred, linear-ramp padding), each window ∞-normalised, averaged over time, weighted by a log-normal prior
 * around {@code start_bpm = 120} ({@code std_bpm = 1} octave) with everything at or above {@code max_tempo = 320}
 * excluded; returns the BPM of the best lag, {@code 60 sr / (hop · lag)}. Not thread-safe; buffers are reused.
 */
public final class Rhythm {
    public static final double START_BPM = 120.0, STD_BPM = 1.0, AC_SIZE_SECONDS = 8.0, MAX_TEMPO = 320.0;

    /** How {@link #onsetStrength} combines the mel bands. */
    public enum Aggregate { MEAN, MEDIAN }

    private final SpectralParams params;
    private final int winLength;
    private final double[] acWindow;
    private final RealFft fft;
    private final double[] frame;
    private final double[] re;
    private final double[] im;
    private final double[] ac;
    private final double[] tg;
    private final double[] sortBuf;
    private double[] padded = new double[0];
    // SIMD path (null without the Vector API module): lane-interleaved windows, spectra and autocorrelations
    private final VectorRealFft vfft;
    private final double[] batchX, batchRe, batchIm, batchAc;

    public Rhythm(SpectralParams params) {
        this.params = params;
        this.winLength = (int) Math.floor(AC_SIZE_SECONDS * params.sampleRate() / params.hop());
        this.acWindow = Windows.hann(winLength);
        int n = Integer.highestOneBit(2 * winLength - 1);
        if (n < 2 * winLength - 1) n <<= 1;
        this.fft = new RealFft(n);
        this.frame = new double[n];
        this.re = new double[n / 2 + 1];
        this.im = new double[n / 2 + 1];
        this.ac = new double[n];
        this.tg = new double[winLength];
        this.sortBuf = new double[params.nMels()];
        this.vfft = Simd.AVAILABLE ? new VectorRealFft(n) : null;
        int lanes = vfft == null ? 0 : VectorRealFft.lanes();
        this.batchX = new double[n * lanes]; // the zero padding beyond winLength is never overwritten
        this.batchRe = new double[(n / 2 + 1) * lanes];
        this.batchIm = new double[(n / 2 + 1) * lanes];
        this.batchAc = new double[n * lanes];
    }

    /** Onset-strength envelope ({@code frames} values) of a frame-major dB mel spectrogram. */
    public void onsetStrength(double[] melDb, int frames, Aggregate aggregate, double[] env) {
        int nMels = params.nMels(), lag = 1;
        int shift = lag + params.nFft() / (2 * params.hop());
        Arrays.fill(env, 0, Math.min(frames, shift), 0.0);
        for (int i = shift; i < frames; i++) {
            int t = i - shift + lag; // difference between frame t and t - lag
            int cur = t * nMels, prev = (t - lag) * nMels;
            if (aggregate == Aggregate.MEAN) {
                double s = 0;
                for (int m = 0; m < nMels; m++) s += Math.max(0.0, melDb[cur + m] - melDb[prev + m]);
                env[i] = s / nMels;
            } else {
                for (int m = 0; m < nMels; m++) sortBuf[m] = Math.max(0.0, melDb[cur + m] - melDb[prev + m]);
                Arrays.sort(sortBuf, 0, nMels);
                env[i] = nMels % 2 == 1 ? sortBuf[nMels / 2] : 0.5 * (sortBuf[nMels / 2 - 1] + sortBuf[nMels / 2]);
            }
        }
    }

    /** Global tempo in BPM of an onset envelope of {@code n} frames. */
    public double tempo(double[] env, int n) {
        int w = winLength, h = w / 2;
        int len = n + 2 * h;
        if (padded.length < len) padded = new double[len];
        double first = env[0], last = env[n - 1];
        for (int i = 0; i < h; i++) padded[i] = first * i / h;
        System.arraycopy(env, 0, padded, h, n);
        for (int j = 0; j < h; j++) padded[h + n + j] = last * (h - 1 - j) / h;
        Arrays.fill(tg, 0.0);
        int size = fft.size();
        if (vfft != null) autocorrelationsBatched(n);
        else for (int t = 0; t < n; t++) {
            for (int j = 0; j < w; j++) frame[j] = padded[t + j] * acWindow[j];
            Arrays.fill(frame, w, size, 0.0);
            fft.forward(frame, re, im);
            for (int k = 0; k < re.length; k++) {
                re[k] = re[k] * re[k] + im[k] * im[k];
                im[k] = 0;
            }
            fft.inverse(re, im, ac);
            double max = 0;
            for (int j = 0; j < w; j++) max = Math.max(max, Math.abs(ac[j]));
            if (max < Double.MIN_NORMAL) continue;
            for (int j = 0; j < w; j++) tg[j] += ac[j] / max;
        }
        double logStart = log2(START_BPM);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean below = false;
        for (int lag = 1; lag < w; lag++) {
            double bpm = bpm(lag);
            if (!below && bpm < MAX_TEMPO) below = true;
            if (!below) continue;
            double prior = -0.5 * Math.pow((log2(bpm) - logStart) / STD_BPM, 2);
            double score = Math.log1p(1e6 * (tg[lag] / n)) + prior;
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best < 0 ? 0.0 : bpm(best);
    }

    /** The tempogram sum of {@link #tempo} with {@link VectorRealFft}: same operations per frame, in the same order. */
    private void autocorrelationsBatched(int n) {
        int w = winLength, lanes = VectorRealFft.lanes();
        double[] x = batchX, bre = batchRe, bim = batchIm, acb = batchAc;
        for (int t0 = 0; t0 < n; t0 += lanes) {
            int count = Math.min(lanes, n - t0);
            if (count == lanes) VectorRealFft.slidingFrames(padded, t0, acWindow, w, x);
            else for (int l = 0; l < lanes; l++)
                for (int j = 0; j < w; j++) x[j * lanes + l] = l < count ? padded[t0 + l + j] * acWindow[j] : 0.0;
            vfft.forward(x, bre, bim);
            for (int k = 0; k < bre.length; k++) {
                bre[k] = bre[k] * bre[k] + bim[k] * bim[k];
                bim[k] = 0;
            }
            vfft.inverse(bre, bim, acb);
            for (int l = 0; l < count; l++) {
                double max = 0;
                for (int j = 0; j < w; j++) max = Math.max(max, Math.abs(acb[j * lanes + l]));
                if (max < Double.MIN_NORMAL) continue;
                for (int j = 0; j < w; j++) tg[j] += acb[j * lanes + l] / max;
            }
        }
    }

    /** Tempo of autocorrelation lag {@code lag} frames ({@code librosa.tempo_frequencies}). */
    public double bpm(int lag) {
        return 60.0 * params.sampleRate() / (params.hop() * (double) lag);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
