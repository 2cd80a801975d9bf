package org.genrebench.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Where the interleaved samples sit in a file and how they are stored; shared by the WAV and AU parsers. */
record PcmLayout(SampleEncoding encoding, ByteOrder order, int channels, int sampleRate,
                 int dataOffset, long dataBytes) {

    /**
     * Decodes the whole frames present into a mono clip (mean of the channels, like librosa's to_mono).
     * A data section that runs past the end of the file is read up to the last whole frame.
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
        MonoMix mix = new MonoMix(channels, Math.toIntExact(frames));
        mix.addInterleaved(file.duplicate().order(order), dataOffset, Math.toIntExact(frames), encoding);
        float[] mono = mix.samples();
        if (encoding.isFloat()) rejectNonFinite(mono, source);
        return new AudioClip(mono, sampleRate, source);
    }

    private static void rejectNonFinite(float[] samples, Path source) {
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new AudioFormatException(source, "sample " + i + " is not a finite number (corrupt float data)");
            }
        }
    }
}
