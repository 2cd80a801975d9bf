package org.genrebench.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** RIFF/WAVE header parser: finds {@code fmt } and {@code data}, skipping every other chunk. */
final class WavParser {
    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAVE_FORMAT_ALAW = 6;
    private static final int WAVE_FORMAT_MULAW = 7;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    private WavParser() {
    }

    static boolean matches(ByteBuffer file) {
        return file.limit() >= 4 && tag(file, 0).equals("RIFF");
    }

    static PcmLayout parse(ByteBuffer file, Path source) {
        ByteBuffer buf = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (buf.limit() < 12) throw new AudioFormatException(source, "truncated RIFF header (" + buf.limit() + " bytes)");
        if (!tag(buf, 8).equals("WAVE")) throw new AudioFormatException(source, "RIFF file is not WAVE but '" + tag(buf, 8) + "'");

        Format format = null;
        int pos = 12;
        while (pos + 8 <= buf.limit()) {
            String id = tag(buf, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                format = parseFormat(buf, body, size, source);
            } else if (id.equals("data")) {
                if (format == null) throw new AudioFormatException(source, "data chunk comes before the fmt chunk");
                return new PcmLayout(format.encoding, ByteOrder.LITTLE_ENDIAN, format.channels, format.sampleRate, body, size);
            }
            pos = nextChunk(buf, body, size);
        }
        throw new AudioFormatException(source, format == null ? "no fmt chunk" : "no data chunk");
    }

    private record Format(SampleEncoding encoding, int channels, int sampleRate) {
    }

    private static Format parseFormat(ByteBuffer buf, int body, long size, Path source) {
        if (size < 16 || body + 16 > buf.limit()) throw new AudioFormatException(source, "truncated fmt chunk");
        int tag = buf.getShort(body) & 0xffff;
        int channels = buf.getShort(body + 2) & 0xffff;
        int sampleRate = buf.getInt(body + 4);
        int bits = buf.getShort(body + 14) & 0xffff;
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            // The real format code is the first two bytes of the SubFormat GUID at offset 24.
            if (size < 40 || body + 26 > buf.limit()) throw new AudioFormatException(source, "truncated WAVE_FORMAT_EXTENSIBLE fmt chunk");
            tag = buf.getShort(body + 24) & 0xffff;
        }
        return new Format(encoding(tag, bits, source), channels, sampleRate);
    }

    private static SampleEncoding encoding(int tag, int bits, Path source) {
        SampleEncoding e = switch (tag) {
            case WAVE_FORMAT_PCM -> switch (bits) {
                case 8 -> SampleEncoding.UNSIGNED_8; // WAV's 8-bit PCM is unsigned, offset 128
                case 16 -> SampleEncoding.SIGNED_16;
                case 24 -> SampleEncoding.SIGNED_24;
                case 32 -> SampleEncoding.SIGNED_32;
                default -> null;
            };
            case WAVE_FORMAT_IEEE_FLOAT -> bits == 32 ? SampleEncoding.FLOAT_32 : bits == 64 ? SampleEncoding.FLOAT_64 : null;
            case WAVE_FORMAT_MULAW -> bits == 8 ? SampleEncoding.MU_LAW : null;
            case WAVE_FORMAT_ALAW -> bits == 8 ? SampleEncoding.A_LAW : null;
            default -> null;
        };
        if (e == null) {
            throw new AudioFormatException(source, String.format("unsupported WAV encoding (format tag 0x%04x, %d bits per sample)", tag, bits));
        }
        return e;
    }

    /**
     * Chunks are word-aligned: an odd-sized chunk is followed by a pad byte. Some writers omit it, so
     * when the padded position does not start a plausible chunk id but the unpadded one does, use that.
     */
    private static int nextChunk(ByteBuffer buf, int body, long size) {
        long end = body + size;
        if (end >= buf.limit()) return buf.limit();
        if ((size & 1) == 1 && !looksLikeChunkId(buf, end + 1) && looksLikeChunkId(buf, end)) return (int) end;
        return (int) Math.min(end + (size & 1), buf.limit());
    }

    private static boolean looksLikeChunkId(ByteBuffer buf, long pos) {
        if (pos + 4 > buf.limit()) return false;
        for (int i = 0; i < 4; i++) {
            int c = buf.get((int) pos + i) & 0xff;
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }

    static String tag(ByteBuffer buf, int pos) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) (buf.get(pos + i) & 0xff);
        return new String(c);
    }
}
