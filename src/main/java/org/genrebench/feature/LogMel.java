package org.genrebench.feature;

import org.genrebench.dsp.Decibels;
import org.genrebench.dsp.MelFilterBank;
import org.genrebench.dsp.Stft;

/**
 * Log-mel spectrograms for the networks: {@code librosa.power_to_db(librosa.feature.melspectrogram(y))} with
 * 128 Slaney bands, n_fft 2048, hop 512, centred zero-padded frames, ref 1, top_db 80 — as float32, band-major
 * ({@code out[m * frames + t]}, i.e. a {@code [128 × frames]} image).
 *
 * <p>{@link #window} treats each fixed-length window as its own clip (its own centred STFT and its own top_db
 * floor), exactly as calling librosa on {@code y[start:start+length]}: a 3 s window of 66 150 samples has
 * {@code 1 + 66150 / 512 = 130} frames. {@link #windowStarts} lays windows out with a given overlap (default 50 %).
 *
 * <p>All working buffers belong to the instance and are reused; with caller-supplied output arrays a call allocates
 * nothing. Not thread-safe: one instance per thread.
 */
public final class LogMel {
    /** Default window: 3 s. */
    public static final double DEFAULT_WINDOW_SECONDS = 3.0;
    /** Default overlap between consecutive windows: 50 %. */
    public static final double DEFAULT_OVERLAP = 0.5;

    private final SpectralParams params;
    private final Stft stft;
    private final MelFilterBank bank;
    private float[] re = new float[0];
    private float[] im = new float[0];
    private final double[] melFrame;

    public LogMel() {
        this(SpectralParams.DEFAULT);
    }

    public LogMel(SpectralParams params) {
        this.params = params;
        this.stft = new Stft(params.nFft(), params.hop());
        this.bank = new MelFilterBank(params.sampleRate(), params.nFft(), params.nMels(), 0.0, params.sampleRate() / 2.0);
        this.melFrame = new double[params.nMels()];
    }

    public int mels() {
        return params.nMels();
    }

    /** Frames of a log-mel of {@code samples} samples: {@code 1 + samples / hop}. */
    public int frames(int samples) {
        return params.frames(samples);
    }

    /** Window length in samples for a duration in seconds ({@code round(seconds × sr)}; 3 s → 66 150). */
    public int windowSamples(double seconds) {
        return params.windowSamples(seconds);
    }

    /**
     * Start offsets of the windows of {@code windowLength} samples over a signal of {@code samples} samples, hop
     * {@code round(windowLength × (1 - overlap))}; only whole windows (none if the signal is shorter).
     */
    public static int[] windowStarts(int samples, int windowLength, double overlap) {
        if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("overlap must be in [0, 1): " + overlap);
        int hop = Math.max(1, (int) Math.round(windowLength * (1 - overlap)));
        if (samples < windowLength) return new int[0];
        int n = 1 + (samples - windowLength) / hop;
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) starts[i] = i * hop;
        return starts;
    }

    /** Log-mel of a whole signal, newly allocated ({@code mels × frames(y.length)}). */
    public float[] track(float[] y) {
        float[] out = new float[params.nMels() * frames(y.length)];
        compute(y, 0, y.length, out, 0);
        return out;
    }

    /**
     * Log-mel of {@code y[start, start+length)} into {@code out[outOffset, outOffset + mels × frames(length))},
     * band-major. Returns the number of frames.
     */
    public int window(float[] y, int start, int length, float[] out, int outOffset) {
        return compute(y, start, length, out, outOffset);
    }

    /**
     * Log-mel windows of {@code windowLength} samples with the given overlap, stacked into one new flat array
     * ({@code [windows × mels × frames(windowLength)]}).
     */
    public float[] windows(float[] y, int windowLength, double overlap) {
        int[] starts = windowStarts(y.length, windowLength, overlap);
        int per = params.nMels() * frames(windowLength);
        float[] out = new float[starts.length * per];
        for (int w = 0; w < starts.length; w++) compute(y, starts[w], windowLength, out, w * per);
        return out;
    }

    private int compute(float[] y, int start, int length, float[] out, int outOffset) {
        int frames = frames(length), bins = params.bins(), mels = params.nMels();
        if (re.length < frames * bins) {
            re = new float[frames * bins];
            im = new float[frames * bins];
        }
        stft.forward(y, start, length, re, im);
        float[] power = re; // reuse: power written over the real part, the magnitude over the imaginary part
        Spectrogram.magnitudeAndPower(re, im, im, power, frames * bins);
        for (int t = 0; t < frames; t++) {
            bank.apply(power, t * bins, melFrame, 0);
            for (int m = 0; m < mels; m++) out[outOffset + m * frames + t] = (float) melFrame[m];
        }
        Decibels.powerToDb(out, outOffset, mels * frames, Decibels.TOP_DB);
        return frames;
    }
}
