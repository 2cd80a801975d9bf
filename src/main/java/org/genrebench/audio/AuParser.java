package org.genrebench.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Sun/NeXT {@code .au} header parser (big-endian; the original GTZAN distribution uses it). */
final class AuParser {
    private static final int MAGIC = 0x2e736e64; // ".snd"
    private static final int HEADER_BYTES = 24;
    private static final long SIZE_UNKNOWN = 0xffffffffL;

    private AuParser() {
    }

    static boolean matches(ByteBuffer file) {
        return file.limit() >= 4 && file.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(0) == MAGIC;
    }

    static PcmLayout parse(ByteBuffer file, Path source) {
        ByteBuffer buf = file.duplicate().order(ByteOrder.BIG_ENDIAN);
        if (buf.limit() < HEADER_BYTES) throw new AudioFormatException(source, "truncated .au header (" + buf.limit() + " bytes)");
        long offset = Integer.toUnsignedLong(buf.getInt(4));
        long size = Integer.toUnsignedLong(buf.getInt(8));
        int code = buf.getInt(12);
        int sampleRate = buf.getInt(16);
        int channels = buf.getInt(20);
        if (offset < HEADER_BYTES || offset > buf.limit()) {
            throw new AudioFormatException(source, "data offset " + offset + " lies outside the file (" + buf.limit() + " bytes)");
        }
        SampleEncoding encoding = switch (code) {
            case 1 -> SampleEncoding.MU_LAW;
            case 2 -> SampleEncoding.SIGNED_8;
            case 3 -> SampleEncoding.SIGNED_16;
            case 4 -> SampleEncoding.SIGNED_24;
            case 5 -> SampleEncoding.SIGNED_32;
            case 6 -> SampleEncoding.FLOAT_32;
            case 7 -> SampleEncoding.FLOAT_64;
            case 27 -> SampleEncoding.A_LAW;
            default -> throw new AudioFormatException(source, "unsupported .au encoding " + code);
        };
        long dataBytes = size == SIZE_UNKNOWN ? buf.limit() - offset : size; // 0xffffffff: until end of file
        return new PcmLayout(encoding, ByteOrder.BIG_ENDIAN, channels, sampleRate, (int) offset, dataBytes);
    }
}
