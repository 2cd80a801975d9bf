package org.genrebench.audio;

import org.genrebench.dsp.Dot;

/**
 * Band-limited sample-rate conversion by a polyphase Kaiser-windowed-sinc filter, designed after the response of
 * soxr's HQ recipe that {@code librosa.load} uses by default ({@code res_type='soxr_hq'}): flat to about 0.91 of the
 * lower Nyquist frequency, cut off at {@link #CUTOFF} of it, stop band at and above it. For a rate ratio {@code
 * up/down} (reduced by their gcd) output sample {@code k} is the filtered, zero-padded input at input time
 * {@code k·down/up}, with no delay (linear phase, centred), as {@code scipy.signal.resample_poly} computes it with
 * this filter.
 *
 * <p>Why not TarsosDSP's libresample port: on a 30-s 44.1 kHz clip it took 129–177 ms against this filter's
 * SIMD dot products at a fraction of that, and it rolls off early (−2 dB at 9–10 kHz, −10 dB at 10–10.5 kHz after
 * 44.1 → 22.05 kHz, against soxr's flat response there); results/benchmarks.md ("Resampling") has the measurement.
 */
public final class Resampling {
    /** Cut-off (−6 dB) as a fraction of the lower of the two Nyquist frequencies: mid-way through soxr HQ's 0.913–1 transition. */
    static final double CUTOFF = 0.9565;
    /** Zero crossings of the sinc on each side of the centre: sets the transition width. */
    static final int ZERO_CROSSINGS = 48;
    /** Kaiser window β: about 120 dB stop-band attenuation (Kaiser's formula β = 0.1102·(A − 8.7)). */
    static final double KAISER_BETA = 12.3;
    /** The Kaiser window's normaliser I0(β), shared by every tap. */
    private static final double I0_BETA = besselI0(KAISER_BETA);
    /**
     * Names this filter in cache keys: features and windows of a resampled file are recomputed when it changes.
     * Files already at 22 050 Hz are not resampled but share the key.
     */
    public static final String ID = "resample=kaiser-sinc/" + ZERO_CROSSINGS + "/" + CUTOFF + "/" + KAISER_BETA;
    /** Largest filter table kept in memory (floats); rarer ratios compute their taps per output sample. */
    private static final int MAX_TABLE = 1 << 22;

    private Resampling() {
    }

    /** Output has ceil(n * toRate / fromRate) samples, the length librosa.resample gives. */
    public static float[] resample(float[] input, int fromRate, int toRate) {
        return resample(input, fromRate, toRate, MAX_TABLE);
    }

    /** As {@link #resample(float[], int, int)}, keeping the filter as a table only up to maxTable coefficients. */
    static float[] resample(float[] input, int fromRate, int toRate, int maxTable) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("rates must be positive: " + fromRate + " -> " + toRate);
        if (fromRate == toRate) return input.clone();
        int g = gcd(fromRate, toRate), up = toRate / g, down = fromRate / g;
        int outLength = Math.toIntExact(((long) input.length * up + down - 1) / down);
        float[] out = new float[outLength];
        if (input.length == 0) return out;
        filter(up, down, maxTable).apply(input, out);
        return out;
    }

    /** Tabled filters by rate ratio: a data set has a handful of rates, and a 48 kHz table takes ~1 ms to build. */
    private static final java.util.Map<Long, Filter> FILTERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_RATIOS = 16;

    private static Filter filter(int up, int down, int maxTable) {
        long key = ((long) up << 32) | down;
        Filter cached = maxTable == MAX_TABLE ? FILTERS.get(key) : null;
        if (cached != null) return cached;
        Filter f = new Filter(up, down, maxTable);
        if (maxTable == MAX_TABLE && f.phases != null && FILTERS.size() < MAX_CACHED_RATIOS) FILTERS.putIfAbsent(key, f);
        return f;
    }

    /**
     * The prototype low-pass at the up-sampled rate, split into its {@code up} phases. Immutable once built, so one
     * tabled filter serves every thread.
     */
    private static final class Filter {
        final int up, down, half;
        final double fc, gain;
        final float[][] phases; // phases[p][q] multiplies input jTop - (length - 1) + q; null when computed on demand

        Filter(int up, int down, int maxTable) {
            this.up = up;
            this.down = down;
            int widest = Math.max(up, down);
            fc = CUTOFF / widest; // in units of the up-sampled Nyquist frequency
            half = (int) Math.ceil(ZERO_CROSSINGS / fc);
            boolean tabled = 2L * half + 1 <= maxTable;
            double[] taps = tabled ? new double[2 * half + 1] : null; // each tap computed once when tabled
            double sum = 0;
            for (int m = 0; m <= 2 * half; m++) {
                double t = tap(m);
                if (tabled) taps[m] = t;
                sum += t;
            }
            gain = up / sum; // unit gain at DC after zero-stuffing by up, as resample_poly normalises
            if (tabled) {
                phases = new float[up][];
                for (int p = 0; p < up; p++) phases[p] = phase(p, new float[length(p)], taps);
            } else {
                phases = null;
            }
        }

        /** Un-normalised prototype coefficient m of 0..2·half: fc·sinc(fc·(m − half)) · Kaiser window. */
        double tap(int m) {
            double t = m - half, x = Math.PI * fc * t;
            double sinc = t == 0 ? 1 : Math.sin(x) / x;
            double r = (double) (m - half) / half;
            return fc * sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / I0_BETA;
        }

        /** Taps of phase p: coefficients m ≡ p (mod up), in increasing input order. */
        int length(int p) {
            return p > 2 * half ? 0 : (2 * half - p) / up + 1;
        }

        /** The gain-scaled taps of phase p into {@code into}, read from {@code taps} or computed when it is null. */
        float[] phase(int p, float[] into, double[] taps) {
            int n = length(p);
            for (int q = 0; q < n; q++) {
                int m = p + (n - 1 - q) * up;
                into[q] = (float) ((taps != null ? taps[m] : tap(m)) * gain);
            }
            return into;
        }

        void apply(float[] x, float[] out) {
            float[] scratch = phases == null ? new float[2 * half / up + 1] : null;
            for (int k = 0; k < out.length; k++) {
                long t = (long) k * down + half; // delay-compensated index into the up-sampled, filtered stream
                int p = (int) (t % up);
                long top = t / up; // newest input sample under the filter
                int n = length(p);
                float[] taps = phases != null ? phases[p] : phase(p, scratch, null);
                long first = top - (n - 1);
                int qFrom = (int) Math.max(0, -first), qTo = (int) Math.min(n, x.length - first);
                if (qTo > qFrom) out[k] = Dot.dot(taps, qFrom, x, (int) (first + qFrom), qTo - qFrom);
            }
        }
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for β ≤ 20). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
