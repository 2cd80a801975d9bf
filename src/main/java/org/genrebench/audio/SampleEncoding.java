package org.genrebench.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How one sample is stored, and its conversion to float. Integer scales follow libsndfile (and so
 * soundfile/librosa): a b-bit signed value is divided by 2^(b-1), so int16 reads as x / 32768.
 */
enum SampleEncoding {
    UNSIGNED_8(1) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return ((buf.get(pos) & 0xff) - 128) / 128f;
        }
    },
    SIGNED_8(1) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return buf.get(pos) / 128f;
        }
    },
    SIGNED_16(2) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return buf.getShort(pos) / 32768f;
        }
    },
    SIGNED_24(3) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            int value = buf.order() == ByteOrder.LITTLE_ENDIAN
                    ? (buf.get(pos + 2) << 16) | ((buf.get(pos + 1) & 0xff) << 8) | (buf.get(pos) & 0xff)
                    : (buf.get(pos) << 16) | ((buf.get(pos + 1) & 0xff) << 8) | (buf.get(pos + 2) & 0xff);
            return value / 8388608f;
        }
    },
    SIGNED_32(4) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return (float) (buf.getInt(pos) / 2147483648.0);
        }
    },
    FLOAT_32(4) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return buf.getFloat(pos);
        }
    },
    FLOAT_64(8) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return (float) buf.getDouble(pos);
        }
    },
    MU_LAW(1) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return MU_LAW_TABLE[buf.get(pos) & 0xff];
        }
    },
    A_LAW(1) {
        @Override
        float decode(ByteBuffer buf, int pos) {
            return A_LAW_TABLE[buf.get(pos) & 0xff];
        }
    };

    private static final float[] MU_LAW_TABLE = new float[256];
    private static final float[] A_LAW_TABLE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            MU_LAW_TABLE[i] = muLawToLinear16(i) / 32768f;
            A_LAW_TABLE[i] = aLawToLinear16(i) / 32768f;
        }
    }

    final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    abstract float decode(ByteBuffer buf, int pos);

    boolean isFloat() {
        return this == FLOAT_32 || this == FLOAT_64;
    }

    /** G.711 μ-law byte to 16-bit linear PCM (the ITU reference expansion). */
    static int muLawToLinear16(int muLawByte) {
        int u = ~muLawByte & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    /** G.711 A-law byte to 16-bit linear PCM. */
    static int aLawToLinear16(int aLawByte) {
        int a = (aLawByte ^ 0x55) & 0xff;
        int t = (a & 0x0f) << 4;
        int seg = (a & 0x70) >> 4;
        t = switch (seg) {
            case 0 -> t + 8;
            case 1 -> t + 0x108;
            default -> (t + 0x108) << (seg - 1);
        };
        return (a & 0x80) != 0 ? t : -t;
    }
}
