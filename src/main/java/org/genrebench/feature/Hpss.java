package org.genrebench.feature;

import org.genrebench.dsp.MedianFilter;
import org.genrebench.dsp.Simd;
import org.genrebench.dsp.VectorMedianFilter;
import org.genrebench.dsp.VectorSpectra;
import org.genrebench.dsp.Stft;

/**
 * Harmonic/percussive separation as {@code librosa.effects.hpss(y)} 0.9.2 (→ {@code decompose.hpss(stft(y),
 * kernel_size=31, power=2, margin=1, mask=False)}): the magnitude is median-filtered along time (harmonic) and along
 * frequency (percussive) with {@code scipy.ndimage.median_filter(mode='reflect')} (SIMD {@link VectorMedianFilter}
 * when {@link Simd#AVAILABLE}, else the scalar {@link MedianFilter}), soft Wiener masks
 * {@code H²/(H²+P²)} and {@code P²/(H²+P²)} (0.5 each where both are 0) are applied to the complex STFT, and the
 * signals are resynthesised by {@code istft(length=len(y))}.
 *
 * <p>The two masks sum to one and the STFT/ISTFT pair reconstructs the input exactly, so the percussive signal is
 * computed as {@code y - harmonic} (one inverse STFT instead of two; equal to librosa's up to float rounding).
 * Not thread-safe; buffers are reused.
 */
public final class Hpss {
    public static final int KERNEL = 31;

    private final SpectralParams params;
    private final MedianFilter median = new MedianFilter(KERNEL);
    private final VectorMedianFilter simd = Simd.AVAILABLE ? new VectorMedianFilter(KERNEL) : null;
    private float[] harm = new float[0];
    private float[] perc = new float[0];
    private double[] scratch = new double[0];

    public Hpss(SpectralParams params) {
        this.params = params;
    }

    /**
     * Separates the signal whose spectrogram is {@code spec} (computed from {@code y[offset, offset+length)}) into
     * {@code harmonic[0, length)} and {@code percussive[0, length)}.
     */
    public void separate(Spectrogram spec, float[] y, int offset, int length, float[] harmonic, float[] percussive) {
        int frames = spec.frames(), bins = spec.bins(), size = frames * bins;
        if (harm.length < size) {
            harm = new float[size];
            perc = new float[size];
        }
        float[] mag = spec.magnitude();
        if (simd != null) {
            simd.filter(mag, frames, bins, harm);                 // along time: the bins of a frame are the lanes
            simd.filter(mag, bins, frames, 1, bins, perc);        // along frequency: one lane per frame, no transpose
        } else {
            for (int k = 0; k < bins; k++) median.filter(mag, k, bins, frames, harm, k, bins);
            for (int t = 0; t < frames; t++) median.filter(mag, t * bins, 1, bins, perc, t * bins, 1);
        }
        Stft stft = spec.stft();
        int need = stft.inverseScratchSize(frames);
        if (scratch.length < need) scratch = new double[need];
        // harmonic spectrum = mask · D, in complex64 like librosa (written over the medians, no longer needed)
        float[] re = spec.re(), im = spec.im(), h = harm, p = perc;
        if (simd != null) VectorSpectra.softMaskInPlace(h, p, re, im, size);
        else for (int i = 0; i < size; i++) {
            double hh = h[i], pp = p[i];
            double h2 = hh * hh, p2 = pp * pp, sum = h2 + p2;
            double mask = Math.max(hh, pp) < Float.MIN_NORMAL ? 0.5 : h2 / sum;
            h[i] = (float) (re[i] * mask);
            p[i] = (float) (im[i] * mask);
        }
        stft.inverse(h, p, frames, length, scratch, harmonic);
        for (int i = 0; i < length; i++) percussive[i] = y[offset + i] - harmonic[i];
    }
}
