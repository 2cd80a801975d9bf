package org.genrebench.dsp;

import java.util.Arrays;

/**
 * Centred short-time Fourier transform and its inverse, as {@code librosa.stft}/{@code librosa.istft} 0.9.2 with a
 * periodic Hann window, {@code win_length = n_fft}, {@code center=True} and librosa 0.9's default
 * {@code pad_mode='constant'} (the signal is padded with {@code n_fft/2} zeros on both sides), or with
 * {@link Padding#REFLECT} librosa 0.7's default {@code pad_mode='reflect'} ({@code np.pad(y, n_fft/2, 'reflect')}).
 *
 * <p>Spectra are stored frame-major in flat arrays: bin {@code k} of frame {@code t} is at {@code t * bins() + k}.
 * Like librosa (complex64 output of a float64 FFT), each frame is transformed in double precision and stored as
 * float. With {@link Simd#AVAILABLE} the frames are transformed {@link VectorRealFft#lanes()} at a time by
 * {@link VectorRealFft} (bit-identical to the scalar {@link RealFft} path). Not thread-safe (one instance per thread);
 * no allocation per call.
 */
public final class Stft {
    /** How the signal is extended by {@code n_fft/2} samples on each side for centred frames. */
    public enum Padding {
        /** Zeros: librosa 0.9's {@code pad_mode='constant'}. */
        ZEROS,
        /** Mirrored about the end samples, which are not repeated: librosa 0.7's {@code pad_mode='reflect'}. */
        REFLECT
    }

    private final int nFft;
    private final int hop;
    private final int bins;
    private final double[] window;
    private final RealFft fft;
    private final double[] frame;
    private final double[] re;
    private final double[] im;
    private double[] windowSumSquare = new double[0];
    // SIMD path (null without the Vector API module): lane-interleaved frame and spectra of one batch of frames
    private final VectorRealFft vfft;
    private final double[] batchX;
    private final double[] batchRe;
    private final double[] batchIm;
    private final int[] hopOffsets;
    private final int[] binOffsets;
    private final Padding padding;
    private float[] padded = new float[0];

    public Stft(int nFft, int hop) {
        this(nFft, hop, Padding.ZEROS);
    }

    public Stft(int nFft, int hop, Padding padding) {
        if (hop <= 0 || hop > nFft) throw new IllegalArgumentException("hop must be in (0, n_fft]: " + hop);
        this.nFft = nFft;
        this.hop = hop;
        this.bins = nFft / 2 + 1;
        this.window = Windows.hann(nFft);
        this.fft = new RealFft(nFft);
        this.frame = new double[nFft];
        this.re = new double[bins];
        this.im = new double[bins];
        this.vfft = Simd.AVAILABLE ? new VectorRealFft(nFft) : null;
        int lanes = vfft == null ? 0 : VectorRealFft.lanes();
        this.batchX = new double[nFft * lanes];
        this.batchRe = new double[bins * lanes];
        this.batchIm = new double[bins * lanes];
        this.hopOffsets = vfft == null ? null : VectorRealFft.laneOffsets(hop);
        this.binOffsets = vfft == null ? null : VectorRealFft.laneOffsets(bins);
        this.padding = padding;
    }

    public int nFft() {
        return nFft;
    }

    public int hop() {
        return hop;
    }

    /** Frequency bins per frame, {@code n_fft/2 + 1}. */
    public int bins() {
        return bins;
    }

    /** Number of centred frames for a signal of {@code samples} samples: {@code 1 + samples / hop}. */
    public int frames(int samples) {
        return 1 + samples / hop;
    }

    /**
     * STFT of {@code y[offset, offset+length)} into {@code outRe/outIm} (at least {@code frames(length) * bins()}).
     * Returns the number of frames.
     */
    public int forward(float[] y, int offset, int length, float[] outRe, float[] outIm) {
        int frames = frames(length);
        if (padding == Padding.ZEROS) return forward(y, offset, length, nFft / 2, frames, outRe, outIm);
        if (length < 1) throw new IllegalArgumentException("an empty signal cannot be reflect-padded");
        int pad = nFft / 2, total = length + 2 * pad;
        if (padded.length < total) padded = new float[total];
        for (int i = 0; i < pad; i++) {
            padded[i] = y[offset + reflect(i - pad, length)];
            padded[pad + length + i] = y[offset + reflect(length + i, length)];
        }
        System.arraycopy(y, offset, padded, pad, length);
        return forward(padded, 0, total, 0, frames, outRe, outIm);
    }

    /** numpy's {@code 'reflect'} index of position {@code i} of a signal of {@code n} samples (repeated for short signals). */
    static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1), j = Math.floorMod(i, period);
        return j < n ? j : period - j;
    }

    /** Frames {@code t = 0 … frames-1} starting at {@code t·hop − pad} of {@code y[offset, offset+length)}, zeros outside. */
    private int forward(float[] y, int offset, int length, int pad, int frames, float[] outRe, float[] outIm) {
        if (vfft != null) return forwardBatched(y, offset, length, pad, outRe, outIm, frames);
        for (int t = 0; t < frames; t++) {
            int start = t * hop - pad; // index into the unpadded signal
            int lo = Math.max(0, -start), hi = Math.min(nFft, length - start);
            if (lo > 0) Arrays.fill(frame, 0, lo, 0.0);
            for (int i = lo; i < hi; i++) frame[i] = window[i] * y[offset + start + i];
            if (hi < nFft) Arrays.fill(frame, Math.max(hi, lo), nFft, 0.0);
            fft.forward(frame, re, im);
            int base = t * bins;
            for (int k = 0; k < bins; k++) {
                outRe[base + k] = (float) re[k];
                outIm[base + k] = (float) im[k];
            }
        }
        return frames;
    }

    private int forwardBatched(float[] y, int offset, int length, int pad, float[] outRe, float[] outIm, int frames) {
        int lanes = VectorRealFft.lanes();
        double[] x = batchX, bre = batchRe, bim = batchIm;
        for (int t0 = 0; t0 < frames; t0 += lanes) {
            int count = Math.min(lanes, frames - t0);
            int first = t0 * hop - pad, last = (t0 + lanes - 1) * hop - pad;
            if (count == lanes && first >= 0 && last + nFft <= length) {
                // interior batch: gather the frames from the signal and scatter the bins, no per-lane loops
                vfft.forward(y, offset + first, hopOffsets, window, bre, bim);
                VectorRealFft.scatter(bre, bins, outRe, t0 * bins, binOffsets);
                VectorRealFft.scatter(bim, bins, outIm, t0 * bins, binOffsets);
                continue;
            }
            for (int l = 0; l < lanes; l++) {
                int start = (t0 + l) * hop - pad;
                int lo = l < count ? Math.max(0, -start) : nFft, hi = l < count ? Math.min(nFft, length - start) : nFft;
                for (int i = 0; i < lo; i++) x[i * lanes + l] = 0.0;
                for (int i = lo; i < hi; i++) x[i * lanes + l] = window[i] * y[offset + start + i];
                for (int i = Math.max(hi, lo); i < nFft; i++) x[i * lanes + l] = 0.0;
            }
            vfft.forward(x, bre, bim);
            for (int l = 0; l < count; l++) {
                int base = (t0 + l) * bins;
                for (int k = 0; k < bins; k++) {
                    outRe[base + k] = (float) bre[k * lanes + l];
                    outIm[base + k] = (float) bim[k * lanes + l];
                }
            }
        }
        return frames;
    }

    /**
     * {@code librosa.istft(D, length=length)} (centred, Hann, window-sum-square normalisation) of the first
     * {@code frames} frames of the frame-major spectra {@code specRe/specIm} (layout of {@link #forward}), written to
     * {@code out[0, length)}. {@code scratch} must hold at least {@link #inverseScratchSize} doubles.
     */
    public void inverse(float[] specRe, float[] specIm, int frames, int length, double[] scratch, float[] out) {
        int nFrames = Math.min(frames, (int) Math.ceil((length + (double) nFft) / hop));
        int total = nFft + hop * (nFrames - 1);
        if (scratch.length < total) throw new IllegalArgumentException("scratch too small: " + scratch.length + " < " + total);
        Arrays.fill(scratch, 0, total, 0.0);
        if (vfft != null) {
            inverseBatched(specRe, specIm, nFrames, scratch);
        } else for (int t = 0; t < nFrames; t++) {
            int b = t * bins;
            for (int k = 0; k < bins; k++) {
                re[k] = specRe[b + k];
                im[k] = specIm[b + k];
            }
            fft.inverse(re, im, frame);
            int base = t * hop;
            for (int i = 0; i < nFft; i++) scratch[base + i] += window[i] * frame[i];
        }
        double[] wss = windowSumSquare(nFrames);
        double tiny = Double.MIN_NORMAL;
        int start = nFft / 2;
        for (int i = 0; i < length; i++) {
            int j = start + i;
            if (j >= total) {
                out[i] = 0f;
                continue;
            }
            double w = wss[j];
            out[i] = (float) (w > tiny ? scratch[j] / w : scratch[j]);
        }
    }

    private void inverseBatched(float[] specRe, float[] specIm, int nFrames, double[] scratch) {
        int lanes = VectorRealFft.lanes();
        double[] x = batchX, bre = batchRe, bim = batchIm;
        for (int t0 = 0; t0 < nFrames; t0 += lanes) {
            int count = Math.min(lanes, nFrames - t0);
            if (count == lanes) {
                VectorRealFft.gather(specRe, t0 * bins, binOffsets, bins, bre);
                VectorRealFft.gather(specIm, t0 * bins, binOffsets, bins, bim);
                vfft.inverse(bre, bim, x);
                VectorRealFft.overlapAdd(x, nFft, window, scratch, t0 * hop, hopOffsets);
                continue;
            }
            for (int l = 0; l < lanes; l++) {
                int b = (t0 + l) * bins;
                for (int k = 0; k < bins; k++) {
                    bre[k * lanes + l] = l < count ? specRe[b + k] : 0.0;
                    bim[k * lanes + l] = l < count ? specIm[b + k] : 0.0;
                }
            }
            vfft.inverse(bre, bim, x);
            for (int l = 0; l < count; l++) {
                int base = (t0 + l) * hop;
                for (int i = 0; i < nFft; i++) scratch[base + i] += window[i] * x[i * lanes + l];
            }
        }
    }

    /** Samples needed by the scratch buffer of {@link #inverse} for {@code frames} frames. */
    public int inverseScratchSize(int frames) {
        return nFft + hop * (frames - 1);
    }

    private double[] windowSumSquare(int nFrames) {
        int total = nFft + hop * (nFrames - 1);
        if (windowSumSquare.length != total) {
            double[] w = new double[total];
            for (int t = 0; t < nFrames; t++) {
                int base = t * hop;
                for (int i = 0; i < nFft; i++) w[base + i] += window[i] * window[i];
            }
            windowSumSquare = w;
        }
        return windowSumSquare;
    }
}
