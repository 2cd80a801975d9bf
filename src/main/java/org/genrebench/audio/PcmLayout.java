package org.genrebench.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Where the interleaved samples sit in a file and how they are stored; shared by the WAV and AU parsers. */
record PcmLayout(SampleEncoding encoding, ByteOrder order, int channels, int sampleRate,
                 int dataOffset, long dataBytes) {

    /**
     * Fewest frames, at 22 050 Hz, that make a usable clip out of a truncated file: one analysis window (librosa's
     * {@code n_fft}). A complete but short file is padded by the feature code; a file cut short to less than this is
     * a broken download, not a song.
     */
    static final int MIN_TRUNCATED_FRAMES_22K = 2048;
    /** Float samples are nominally in [-1, 1]; beyond 60 dB over full scale they are corrupt, not loud. */
    static final float MAX_FLOAT_SAMPLE = 1000f;

    /**
     * Decodes the whole frames present into a mono clip (mean of the channels, like librosa's to_mono).
     * A data section that runs past the end of the file (a download cut short) is read up to the last whole frame
     * and the clip says so ({@link AudioClip#truncation()}); with less than one analysis window left it is rejected.
     */
    AudioClip decodeMono(ByteBuffer file, Path source) {
        if (channels <= 0) throw new AudioFormatException(source, "channel count " + channels + " is not positive");
        if (sampleRate <= 0) throw new AudioFormatException(source, "sample rate " + sampleRate + " is not positive");
        int frameBytes = encoding.bytes * channels;
        long available = Math.min(dataBytes, (long) file.limit() - dataOffset);
        long frames = Math.max(0, available) / frameBytes;
        if (frames == 0) {
            throw new AudioFormatException(source, dataBytes > 0 && available < frameBytes
                    ? "data chunk declares " + dataBytes + " bytes but the file ends before the first sample"
                    : "no audio samples");
        }
        String truncation = null;
        if (available < dataBytes) {
            double declared = dataBytes / (double) frameBytes / sampleRate, present = frames / (double) sampleRate;
            truncation = String.format(java.util.Locale.ROOT, "truncated: the header declares %.2f s of audio but the file"
                    + " holds %.2f s (%d of %d data bytes)", declared, present, Math.max(0, available), dataBytes);
            if (frames < Math.ceil(MIN_TRUNCATED_FRAMES_22K * (sampleRate / (double) AudioLoader.DEFAULT_SAMPLE_RATE))) {
                throw new AudioFormatException(source, truncation + ", less than one analysis window");
            }
        }
        MonoMix mix = new MonoMix(channels, Math.toIntExact(frames));
        mix.addInterleaved(file.duplicate().order(order), dataOffset, Math.toIntExact(frames), encoding);
        float[] mono = mix.samples();
        if (encoding.isFloat()) rejectCorruptFloats(mono, source);
        return new AudioClip(mono, sampleRate, source, java.util.Optional.ofNullable(truncation));
    }

    /** NaN, infinite or absurdly large float samples: features from them would be NaN or Infinity. */
    private static void rejectCorruptFloats(float[] samples, Path source) {
        for (int i = 0; i < samples.length; i++) {
            if (!(Math.abs(samples[i]) <= MAX_FLOAT_SAMPLE)) {
                throw new AudioFormatException(source, "sample " + i + (Float.isFinite(samples[i])
                        ? " is " + samples[i] + ", far outside [-1, 1]" : " is not a finite number") + " (corrupt float data)");
            }
        }
    }
}
