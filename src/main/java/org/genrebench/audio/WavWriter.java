package org.genrebench.audio;

import org.genrebench.util.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** Writes mono WAV files atomically (temporary file, then rename). */
public final class WavWriter {
    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /** 16-bit PCM; samples are clipped to [-1, 1] and scaled by 32767 (as libsndfile does). */
    public static void writePcm16(Path file, float[] samples, int sampleRate) throws IOException {
        ByteBuffer buf = header(samples.length, sampleRate, 1, 16);
        for (float s : samples) {
            float clipped = Math.max(-1f, Math.min(1f, s));
            buf.putShort((short) Math.round(clipped * 32767f));
        }
        AtomicFiles.write(file, buf.array());
    }

    /** 32-bit IEEE float, stored unchanged (no clipping). */
    public static void writeFloat32(Path file, float[] samples, int sampleRate) throws IOException {
        ByteBuffer buf = header(samples.length, sampleRate, 3, 32);
        for (float s : samples) buf.putFloat(s);
        AtomicFiles.write(file, buf.array());
    }

    private static ByteBuffer header(int frames, int sampleRate, int formatTag, int bits) {
        int blockAlign = bits / 8;
        int dataBytes = Math.multiplyExact(frames, blockAlign);
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("RIFF".getBytes(US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(US_ASCII))
                .put("fmt ".getBytes(US_ASCII)).putInt(16)
                .putShort((short) formatTag).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .put("data".getBytes(US_ASCII)).putInt(dataBytes);
        return buf;
    }
}
