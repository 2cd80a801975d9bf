package org.genrebench.feature;

import org.genrebench.dsp.Simd;
import org.genrebench.dsp.Stft;
import org.genrebench.dsp.VectorSpectra;

/**
 * One centred STFT of a signal and the two views derived from it that librosa's features use: the magnitude
 * ({@code |D|}, for centroid, bandwidth, rolloff and HPSS) and the power ({@code |D|²}, for mel, MFCC, onset and
 * chroma). Arrays are frame-major ({@code t * bins + k}) and float, as librosa's complex64 STFT. Buffers grow as
 * needed and are reused across calls; not thread-safe.
 */
public final class Spectrogram {
    private final SpectralParams params;
    private final Stft stft;
    private float[] re = new float[0];
    private float[] im = new float[0];
    private float[] mag = new float[0];
    private float[] power = new float[0];
    private int frames;

    public Spectrogram(SpectralParams params) {
        this.params = params;
        this.stft = new Stft(params.nFft(), params.hop());
    }

    /** Computes the STFT of {@code y[offset, offset+length)} and its magnitude and power. */
    public Spectrogram compute(float[] y, int offset, int length) {
        int f = params.frames(length);
        int size = f * params.bins();
        if (re.length < size) {
            re = new float[size];
            im = new float[size];
            mag = new float[size];
            power = new float[size];
        }
        frames = stft.forward(y, offset, length, re, im);
        magnitudeAndPower(re, im, mag, power, size);
        return this;
    }

    /**
     * {@code mag[i] = |re + i·im|} and {@code power[i] = mag[i]²} for {@code i < n}, as numpy on complex64 (float32
     * hypot computed in double, squared in float32); {@code power} may be {@code re} or {@code im}.
     */
    static void magnitudeAndPower(float[] re, float[] im, float[] mag, float[] power, int n) {
        if (Simd.AVAILABLE) {
            VectorSpectra.magnitudeAndPower(re, im, mag, power, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            // numpy: abs(complex64) is a float32 hypot; the power is that magnitude squared in float32
            float m = (float) Math.sqrt((double) re[i] * re[i] + (double) im[i] * im[i]);
            mag[i] = m;
            power[i] = m * m;
        }
    }

    public SpectralParams params() {
        return params;
    }

    public Stft stft() {
        return stft;
    }

    public int frames() {
        return frames;
    }

    public int bins() {
        return params.bins();
    }

    public float[] re() {
        return re;
    }

    public float[] im() {
        return im;
    }

    public float[] magnitude() {
        return mag;
    }

    public float[] power() {
        return power;
    }
}
