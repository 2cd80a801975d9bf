package org.genrebench.audio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Accumulates decoded audio as one mono signal, block by block, so a decoder never holds every channel of a whole
 * file: each frame becomes the mean of its channels (librosa's to_mono), summed in channel order in float. Every
 * decoder goes through here, so a lossless file and the WAV it was made from give bit-identical samples.
 */
final class MonoMix {
    private final int channels;
    private final float scale;
    private float[] mono;
    private int length;

    MonoMix(int channels, int expectedFrames) {
        if (channels <= 0) throw new IllegalArgumentException("channel count " + channels + " is not positive");
        this.channels = channels;
        this.scale = 1f / channels;
        this.mono = new float[Math.max(1024, expectedFrames)];
    }

    int channels() {
        return channels;
    }

    int length() {
        return length;
    }

    /** {@code frames} interleaved frames stored with {@code encoding}, starting at byte {@code pos} of {@code buf}. */
    void addInterleaved(ByteBuffer buf, int pos, int frames, SampleEncoding encoding) {
        ensure(frames);
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++, pos += encoding.bytes) sum += encoding.decode(buf, pos);
            mono[length++] = channels == 1 ? sum : sum * scale;
        }
    }

    /** {@code frames} samples of each channel, {@code pcm[c][offset[c] + i] * gain}. */
    void addPlanar(float[][] pcm, int[] offset, int frames, float gain) {
        ensure(frames);
        for (int i = 0; i < frames; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += pcm[c][offset[c] + i] * gain;
            mono[length++] = channels == 1 ? sum : sum * scale;
        }
    }

    /** Drops the first {@code start} samples and everything from {@code end} on (decoder delay and padding). */
    void trim(int start, int end) {
        int from = Math.min(Math.max(0, start), length), to = Math.max(from, Math.min(end, length));
        System.arraycopy(mono, from, mono, 0, to - from);
        length = to - from;
    }

    float[] samples() {
        return mono.length == length ? mono : Arrays.copyOf(mono, length);
    }

    private void ensure(int more) {
        if (length + more > mono.length) mono = Arrays.copyOf(mono, Math.max(length + more, mono.length + (mono.length >> 1)));
    }
}
