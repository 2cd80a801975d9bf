package org.genrebench.feature;

/**
 * Computes the 58 handcrafted features of the community GTZAN table for one signal, matching librosa 0.9.2 with
 * default parameters (see {@link SpectralParams#DEFAULT}):
 * <ul>
 *   <li>{@code length}: number of samples;</li>
 *   <li>mean and variance (population, ddof 0) of {@code chroma_stft} (over all 12 × frames values), {@code rms},
 *       {@code spectral_centroid}, {@code spectral_bandwidth}, {@code rolloff} (85 %), {@code zero_crossing_rate},
 *       and of the time-domain HPSS signals {@code harmony} and {@code perceptr};</li>
 *   <li>{@code tempo}: {@code beat_track}'s global tempo;</li>
 *   <li>mean and variance of {@code mfcc1}…{@code mfcc20}.</li>
 * </ul>
 * One STFT is shared by every spectral feature. An extractor owns all its working buffers (they grow to the longest
 * signal seen and are reused), so it is <b>not thread-safe</b>: use one per thread, e.g. via {@link #perThread()}.
 */
public final class FeatureExtractor {
    private final SpectralParams params;
    private final Spectrogram spec;
    private final MelSpectrum mel;
    private final Rhythm rhythm;
    private final Hpss hpss;
    private double[] melDb = new double[0];
    private double[] mfcc = new double[0];
    private double[] chroma = new double[0];
    private double[] perFrame = new double[0];
    private double[] perFrame2 = new double[0];
    private double[] prefix = new double[0];
    private int[] zcrPrefix = new int[0];
    private float[] tuningScratch = new float[0];
    private float[] harmonic = new float[0];
    private float[] percussive = new float[0];
    private double[] chromaBank;
    private double chromaBankTuning = Double.NaN;

    public FeatureExtractor() {
        this(SpectralParams.DEFAULT);
    }

    public FeatureExtractor(SpectralParams params) {
        if (params.nMfcc() != 20) throw new IllegalArgumentException("the community schema has 20 MFCCs");
        this.params = params;
        this.spec = new Spectrogram(params);
        this.mel = new MelSpectrum(params);
        this.rhythm = new Rhythm(params);
        this.hpss = new Hpss(params);
    }

    /** One extractor per thread, created on first use. */
    public static ThreadLocal<FeatureExtractor> perThread() {
        return ThreadLocal.withInitial(FeatureExtractor::new);
    }

    public SpectralParams params() {
        return params;
    }

    /** The 58 features of {@code y} (mono, in [-1, 1], at {@code params().sampleRate()}), in {@link FeatureSchema#COLUMNS} order. */
    public double[] extract(float[] y) {
        return extract(y, 0, y.length);
    }

    /** The 58 features of {@code y[offset, offset+length)}. */
    public double[] extract(float[] y, int offset, int length) {
        double[] out = new double[FeatureSchema.SIZE];
        extract(y, offset, length, out);
        return out;
    }

    /** Writes the 58 features of {@code y[offset, offset+length)} into {@code out}. */
    public void extract(float[] y, int offset, int length, double[] out) {
        if (length < 1) throw new IllegalArgumentException("empty signal");
        int frames = params.frames(length);
        ensure(frames, length);
        int i = 0;
        out[i++] = length;

        spec.compute(y, offset, length);
        float[] power = spec.power(), mag = spec.magnitude();

        // chroma_stft
        double tuning = Chroma.estimateTuning(power, frames, params, tuningScratch);
        if (tuning != chromaBankTuning) {
            chromaBank = Chroma.filterBank(params, tuning);
            chromaBankTuning = tuning;
        }
        Chroma.chroma(power, frames, params, chromaBank, chroma);
        i = meanVar(chroma, 0, 1, Chroma.N_CHROMA * frames, out, i);

        // rms
        TimeDomain.rms(y, offset, length, params.nFft(), params.hop(), prefix, perFrame);
        i = meanVar(perFrame, 0, 1, frames, out, i);

        // spectral centroid, bandwidth, rolloff
        SpectralShape.centroidAndBandwidth(mag, frames, params, perFrame, perFrame2);
        i = meanVar(perFrame, 0, 1, frames, out, i);
        i = meanVar(perFrame2, 0, 1, frames, out, i);
        SpectralShape.rolloff(mag, frames, params, SpectralShape.ROLL_PERCENT, perFrame);
        i = meanVar(perFrame, 0, 1, frames, out, i);

        // zero-crossing rate
        TimeDomain.zeroCrossingRate(y, offset, length, params.nFft(), params.hop(), zcrPrefix, perFrame);
        i = meanVar(perFrame, 0, 1, frames, out, i);

        // harmony, perceptr
        hpss.separate(spec, y, offset, length, harmonic, percussive);
        i = meanVar(harmonic, length, out, i);
        i = meanVar(percussive, length, out, i);

        // tempo (beat_track's onset envelope uses the median over mel bands)
        mel.melDb(power, frames, melDb);
        rhythm.onsetStrength(melDb, frames, Rhythm.Aggregate.MEDIAN, perFrame);
        out[i++] = rhythm.tempo(perFrame, frames);

        // mfcc
        mel.mfcc(melDb, frames, mfcc);
        int n = params.nMfcc();
        for (int c = 0; c < n; c++) i = meanVar(mfcc, c, n, frames, out, i);
    }

    private void ensure(int frames, int length) {
        int bins = params.bins();
        if (perFrame.length < frames) {
            perFrame = new double[frames];
            perFrame2 = new double[frames];
            melDb = new double[frames * params.nMels()];
            mfcc = new double[frames * params.nMfcc()];
            chroma = new double[frames * Chroma.N_CHROMA];
            tuningScratch = new float[2 * frames * bins];
        }
        if (harmonic.length < length) {
            harmonic = new float[length];
            percussive = new float[length];
            prefix = new double[length + 1];
            zcrPrefix = new int[length + params.nFft() + 1];
        }
    }

    /** Mean and population variance of {@code n} values {@code x[offset + j * stride]}; returns the next slot. */
    static int meanVar(double[] x, int offset, int stride, int n, double[] out, int slot) {
        double s = 0;
        for (int j = 0; j < n; j++) s += x[offset + j * stride];
        double mean = s / n, v = 0;
        for (int j = 0; j < n; j++) {
            double d = x[offset + j * stride] - mean;
            v += d * d;
        }
        out[slot] = mean;
        out[slot + 1] = v / n;
        return slot + 2;
    }

    private static int meanVar(float[] x, int n, double[] out, int slot) {
        double s = 0;
        for (int j = 0; j < n; j++) s += x[j];
        double mean = s / n, v = 0;
        for (int j = 0; j < n; j++) {
            double d = x[j] - mean;
            v += d * d;
        }
        out[slot] = mean;
        out[slot + 1] = v / n;
        return slot + 2;
    }
}
