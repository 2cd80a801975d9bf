package org.genrebench.audio;

import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * FLAC through jFLAC. Frames are decoded to the same little-endian integer PCM a WAV holds and mixed by
 * {@link MonoMix} with the WAV path's sample conversion, so a FLAC made from a WAV reads back bit-identically.
 */
final class FlacDecoding {
    private FlacDecoding() {
    }

    static boolean matches(ByteBuffer bytes) {
        return bytes.limit() >= 4 && bytes.get(0) == 'f' && bytes.get(1) == 'L' && bytes.get(2) == 'a' && bytes.get(3) == 'C';
    }

    static AudioClip decode(byte[] bytes, Path file) {
        try {
            FLACDecoder decoder = new FLACDecoder(new ByteArrayInputStream(bytes));
            decoder.readMetadata();
            StreamInfo info = decoder.getStreamInfo();
            if (info == null) throw new AudioFormatException(file, "FLAC stream has no STREAMINFO block");
            SampleEncoding encoding = switch (info.getBitsPerSample()) {
                case 8 -> SampleEncoding.UNSIGNED_8; // jFLAC writes 8-bit output offset by 128, as WAV stores it
                case 16 -> SampleEncoding.SIGNED_16;
                case 24 -> SampleEncoding.SIGNED_24;
                default -> throw new AudioFormatException(file, info.getBitsPerSample() + "-bit FLAC is not supported (8, 16 and 24 are)");
            };
            int channels = info.getChannels();
            MonoMix mix = new MonoMix(channels, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, info.getTotalSamples())));
            ByteData pcm = null;
            for (Frame frame; (frame = decoder.readNextFrame()) != null; ) {
                pcm = decoder.decodeFrame(frame, pcm);
                int frames = pcm.getLen() / (encoding.bytes * channels);
                mix.addInterleaved(ByteBuffer.wrap(pcm.getData()).order(ByteOrder.LITTLE_ENDIAN), 0, frames, encoding);
            }
            if (mix.length() == 0) throw new AudioFormatException(file, "FLAC stream holds no audio frames");
            return new AudioClip(mix.samples(), info.getSampleRate(), file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AudioFormatException afe) throw afe;
            throw new AudioFormatException(file, "corrupt FLAC data (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
