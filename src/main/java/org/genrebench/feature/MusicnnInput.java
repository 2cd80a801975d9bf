package org.genrebench.feature;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.ResampyKaiserBest;
import org.genrebench.dsp.MelFilterBank;
import org.genrebench.dsp.Stft;

/**
 * The input of the pre-trained musicnn models, computed as musicnn's {@code extractor.batch_data} does with librosa
 * 0.7 and resampy 0.2.2 (docs/pretrained.md):
 * <ol>
 *   <li>mono audio resampled to 16 kHz by {@link ResampyKaiserBest} ({@code librosa.load(f, sr=16000)});</li>
 *   <li>{@code librosa.feature.melspectrogram(y, sr=16000, n_fft=512, hop_length=256, n_mels=96)}: periodic Hann
 *       window, centred frames with reflect padding, power 2, 96 Slaney mel bands with Slaney area
 *       normalisation, as float32;</li>
 *   <li>transposed to (time, 96), cast to float16 (round to nearest even), then {@code log10(10000·x + 1)} in
 *       float32 (numpy promotes the float16 array times 10 000 to float32);</li>
 *   <li>cut into patches of {@value #PATCH_FRAMES} frames (3 s) starting at {@code 0, hop, 2·hop, …} while the patch
 *       fits: hop {@value #PATCH_FRAMES} (no overlap, musicnn's default) or {@value #OVERLAP_HOP} (musicnn's
 *       {@code input_overlap=1}: {@code librosa.time_to_frames(1, sr=16000, n_fft=512, hop_length=256)}).</li>
 * </ol>
 * A patch is {@value #PATCH_FRAMES} × {@value #MELS} values, frame-major ({@code patch[t · 96 + m]}): the layout
 * of the models' (187, 96, 1) input. Holds its STFT and buffers: not thread-safe, one instance per thread.
 */
public final class MusicnnInput {
    public static final int SAMPLE_RATE = 16000;
    public static final int N_FFT = 512;
    public static final int HOP = 256;
    public static final int MELS = 96;
    /** Frames of one patch: 3 s. */
    public static final int PATCH_FRAMES = 187;
    /** Values of one patch. */
    public static final int PATCH_SIZE = PATCH_FRAMES * MELS;
    /** Patch hop of musicnn's {@code input_overlap=1} (1 s): 61 frames. */
    public static final int OVERLAP_HOP = 61;
    /** Names this input recipe in cache keys. */
    public static final String ID = "musicnn-input/16000/512/256/96/reflect/float16-log10/" + ResampyKaiserBest.ID;

    private final Stft stft = new Stft(N_FFT, HOP, Stft.Padding.REFLECT);
    private final MelFilterBank bank = new MelFilterBank(SAMPLE_RATE, N_FFT, MELS, 0.0, SAMPLE_RATE / 2.0);
    private final double[] melFrame = new double[MELS];
    private float[] re = new float[0];
    private float[] im = new float[0];

    /** The patches of a clip at any sample rate, hop {@value #PATCH_FRAMES} or {@value #OVERLAP_HOP} (any positive hop). */
    public float[][] patches(AudioClip clip, int hop) {
        return patches(logMel(clip.samples(), clip.sampleRate()), hop);
    }

    /**
     * The log-mel input of a whole clip, {@code [frames][96]} with {@code frames = 1 + ⌈n·16000/rate⌉ / 256} (a 30-s
     * GTZAN clip gives 1 876 frames).
     */
    public float[][] logMel(float[] samples, int sampleRate) {
        float[] y = ResampyKaiserBest.resample(samples, sampleRate, SAMPLE_RATE);
        if (y.length == 0) return new float[0][];
        int frames = stft.frames(y.length), bins = N_FFT / 2 + 1;
        if (re.length < frames * bins) {
            re = new float[frames * bins];
            im = new float[frames * bins];
        }
        stft.forward(y, 0, y.length, re, im);
        Spectrogram.magnitudeAndPower(re, im, im, re, frames * bins);
        float[][] out = new float[frames][MELS];
        for (int t = 0; t < frames; t++) {
            bank.apply(re, t * bins, melFrame, 0);
            for (int m = 0; m < MELS; m++) out[t][m] = compress((float) melFrame[m]);
        }
        return out;
    }

    /** {@code log10(10000·x + 1)} of {@code x} rounded to float16, in float32 arithmetic as numpy computes it. */
    static float compress(float melPower) {
        float half = Float.float16ToFloat(Float.floatToFloat16(melPower));
        return (float) Math.log10(10000f * half + 1f);
    }

    /** Patches of {@value #PATCH_FRAMES} frames that fit in {@code frames} frames, starting every {@code hop} frames. */
    public static int patchCount(int frames, int hop) {
        if (hop <= 0) throw new IllegalArgumentException("patch hop must be positive: " + hop);
        return frames < PATCH_FRAMES ? 0 : 1 + (frames - PATCH_FRAMES) / hop;
    }

    /** The patches of a log-mel ({@link #logMel}) as rows of {@value #PATCH_SIZE} values, frame-major. */
    public static float[][] patches(float[][] logMel, int hop) {
        float[][] out = new float[patchCount(logMel.length, hop)][PATCH_SIZE];
        for (int p = 0; p < out.length; p++) {
            for (int t = 0; t < PATCH_FRAMES; t++) System.arraycopy(logMel[p * hop + t], 0, out[p], t * MELS, MELS);
        }
        return out;
    }
}
