package org.genrebench.audio;

/**
 * Sample-rate conversion exactly as {@code librosa.load(f, sr=…)} did in librosa 0.7 with resampy 0.2.2's
 * {@code kaiser_best} filter: the input recipe of the pre-trained musicnn models (docs/pretrained.md). Not a
 * general-purpose resampler ({@link Resampling} is): musicnn's weights were trained on audio resampled this way, and
 * another filter (resampy ≥ 0.4's {@code kaiser_best}, soxr) moves the top mel bands enough to change the taggrams.
 *
 * <p>The filter is resampy's tabulated half window: a Kaiser-windowed sinc with {@value #ZERO_CROSSINGS} zero
 * crossings, β = {@value #BETA}, roll-off {@value #ROLLOFF}, {@value #PRECISION} table entries per zero crossing,
 * {@code t[k] = r·sinc(r·k/512)·w[n+k]} for {@code k = 0 … n}, {@code n = 64·512}, {@code w} the symmetric Kaiser
 * window of length {@code 2n + 1}. When downsampling the table is scaled by the rate ratio. Each output sample is
 * resampy's time-varying interpolation ({@code interpn.resample_f}): a time register advancing by
 * {@code from/to} input samples, the left and right wings of the filter read from the table at the register's
 * fractional position, with linear interpolation between neighbouring entries. As there, the output is float32
 * and every product is added to it in double precision and stored back as float32.
 *
 * <p>Length: resampy gives {@code ⌊n·to/from⌋} samples; librosa then zero-pads to {@code ⌈n·to/from⌉}. Stateless
 * and thread-safe; the table (32 769 doubles) is computed once.
 */
public final class ResampyKaiserBest {
    /** Zero crossings of the sinc on each side. */
    static final int ZERO_CROSSINGS = 64;
    /** Table entries per zero crossing ({@code 2^9}). */
    static final int PRECISION = 512;
    /** Kaiser window β of resampy 0.2.2's {@code kaiser_best}. */
    static final double BETA = 14.769656459379492;
    /** Cut-off as a fraction of the Nyquist frequency of the lower rate. */
    static final double ROLLOFF = 0.9475937167399596;
    /** Names this resampler in cache keys. */
    public static final String ID = "resample=resampy-0.2.2-kaiser_best";

    private ResampyKaiserBest() {
    }

    private static final class Table {
        /** resampy's {@code interp_win} before any scaling: {@code t[k]}, {@code k = 0 … 64·512}. */
        static final double[] HALF_WINDOW = halfWindow();
    }

    /** {@code t[k] = r·sinc(r·k/512)·w[n+k]}, computed as scipy and numpy do (sinc as {@code sin(πx)/(πx)}). */
    static double[] halfWindow() {
        int n = ZERO_CROSSINGS * PRECISION;
        double[] t = new double[n + 1];
        double i0Beta = Resampling.besselI0(BETA);
        for (int k = 0; k <= n; k++) {
            double x = ROLLOFF * (k * (1.0 / PRECISION)); // np.linspace(0, 64, n + 1)[k] is exactly k / 512
            double y = Math.PI * (k == 0 ? 1.0e-20 : x);   // np.sinc: y = pi * where(x == 0, 1e-20, x)
            double sinc = ROLLOFF * (Math.sin(y) / y);
            double r = (double) k / n;                      // scipy.signal.kaiser: (i - alpha) / alpha at i = n + k
            double taper = Resampling.besselI0(BETA * Math.sqrt(1 - r * r)) / i0Beta;
            t[k] = taper * sinc;
        }
        return t;
    }

    /**
     * {@code x} at {@code fromRate} resampled to {@code toRate}: {@code ⌈n·to/from⌉} samples, the last
     * {@code ⌈·⌉ − ⌊·⌋} of them zero (librosa's {@code fix_length}). Equal rates return a copy.
     */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("rates must be positive: " + fromRate + " -> " + toRate);
        if (fromRate == toRate) return x.clone();
        double ratio = (double) toRate / fromRate;
        int resampled = (int) (x.length * ratio);                 // resampy: int(n * sample_ratio)
        int padded = (int) Math.ceil(x.length * ratio);           // librosa: int(np.ceil(n * ratio))
        float[] y = new float[Math.max(resampled, padded)];
        if (resampled < 1) return y; // resampy refuses; librosa's result would be zeros after padding
        double[] win = Table.HALF_WINDOW.clone();
        if (ratio < 1) for (int i = 0; i < win.length; i++) win[i] *= ratio;
        double[] delta = new double[win.length];
        for (int i = 0; i + 1 < win.length; i++) delta[i] = win[i + 1] - win[i];
        interpolate(x, y, resampled, ratio, win, delta);
        return y;
    }

    /** resampy 0.2.2's {@code interpn.resample_f}, one channel, writing {@code y[0, count)}. */
    private static void interpolate(float[] x, float[] y, int count, double ratio, double[] win, double[] delta) {
        double scale = Math.min(1.0, ratio);
        double timeIncrement = 1.0 / ratio;
        int indexStep = (int) (scale * PRECISION);
        int nwin = win.length, nOrig = x.length;
        double timeRegister = 0.0;
        for (int t = 0; t < count; t++) {
            int n = (int) timeRegister;
            double frac = scale * (timeRegister - n);
            double indexFrac = frac * PRECISION;
            int offset = (int) indexFrac;
            double eta = indexFrac - offset;
            float acc = 0f;
            int iMax = Math.min(n + 1, (nwin - offset) / indexStep);
            for (int i = 0, o = offset; i < iMax; i++, o += indexStep) {
                acc = (float) (acc + (win[o] + eta * delta[o]) * x[n - i]);
            }
            frac = scale - frac;
            indexFrac = frac * PRECISION;
            offset = (int) indexFrac;
            eta = indexFrac - offset;
            int kMax = Math.min(nOrig - n - 1, (nwin - offset) / indexStep);
            for (int k = 0, o = offset; k < kMax; k++, o += indexStep) {
                acc = (float) (acc + (win[o] + eta * delta[o]) * x[n + k + 1]);
            }
            y[t] = acc;
            timeRegister += timeIncrement;
        }
    }
}
