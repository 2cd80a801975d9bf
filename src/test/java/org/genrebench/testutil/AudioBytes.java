package org.genrebench.testutil;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV and .au files byte by byte, so the tests do not depend on the writer they check. */
public final class AudioBytes {
    private AudioBytes() {
    }

    /** One RIFF chunk: 4-char id, little-endian size, body, and the pad byte when {@code pad} and the size is odd. */
    public static byte[] chunk(String id, byte[] body, boolean pad) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (pad ? body.length & 1 : 0)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    public static byte[] fmt(int formatTag, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) formatTag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** WAVE_FORMAT_EXTENSIBLE fmt body whose SubFormat GUID starts with {@code subFormat}. */
    public static byte[] fmtExtensible(int subFormat, int channels, int rate, int bits) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fmt(0xFFFE, channels, rate, bits)).putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3)
                .putShort((short) subFormat)
                .put(new byte[]{0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return b.array();
    }

    public static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) body.writeBytes(c);
        ByteBuffer b = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size()).put(body.toByteArray());
        return b.array();
    }

    public static byte[] wav(int formatTag, int channels, int rate, int bits, byte[] data) {
        return riff(chunk("fmt ", fmt(formatTag, channels, rate, bits), true), chunk("data", data, true));
    }

    /** Sun .au: 24-byte big-endian header (plus 4 bytes of annotation), then the data. */
    public static byte[] au(int encoding, int channels, int rate, byte[] data, long declaredSize) {
        return ByteBuffer.allocate(28 + data.length).order(ByteOrder.BIG_ENDIAN)
                .putInt(0x2e736e64).putInt(28).putInt((int) declaredSize).putInt(encoding).putInt(rate).putInt(channels)
                .putInt(0).put(data).array();
    }

    /** Interleaved integer samples of {@code bytesPerSample} bytes in the given order. */
    public static byte[] ints(ByteOrder order, int bytesPerSample, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerSample);
        for (long v : values) {
            for (int i = 0; i < bytesPerSample; i++) {
                int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (bytesPerSample - 1 - i);
                b.put((byte) (v >> shift));
            }
        }
        return b.array();
    }

    public static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    public static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) b.putDouble(v);
        return b.array();
    }
}
