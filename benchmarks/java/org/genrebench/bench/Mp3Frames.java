package org.genrebench.bench;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A longer mp3 from a short one, without an encoder: the audio frames (after the ID3v2 tag and the Xing/Info frame,
 * whose frame count would end the decode after one copy) repeated back to back. Only for benchmark inputs: the seams
 * are not gapless, but every frame costs a decoder what it costs in a real file of that format.
 */
final class Mp3Frames {
    private static final int[] MPEG1_L3_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_L3_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] RATES = {{11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000}};

    private Mp3Frames() {
    }

    /** The audio frames of {@code mp3} repeated until they last at least {@code seconds}. */
    static byte[] repeatedAudioFrames(byte[] mp3, double seconds) {
        int start = 0;
        if (mp3.length > 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
            start = 10 + ((mp3[6] & 0x7f) << 21 | (mp3[7] & 0x7f) << 14 | (mp3[8] & 0x7f) << 7 | (mp3[9] & 0x7f));
        }
        Header first = Header.at(mp3, start);
        int tagEnd = start + first.bytes;
        String tag = new String(mp3, start + 4 + first.sideInfoBytes(), 4, java.nio.charset.StandardCharsets.US_ASCII);
        int audio = tag.equals("Xing") || tag.equals("Info") ? tagEnd : start;
        byte[] frames = Arrays.copyOfRange(mp3, audio, mp3.length);
        int count = 0;
        for (int p = 0; p + 4 <= frames.length; p += Header.at(frames, p).bytes) count++;
        double secondsPerCopy = count * (double) first.samplesPerFrame() / first.rate;
        int copies = (int) Math.ceil(seconds / secondsPerCopy);
        ByteArrayOutputStream out = new ByteArrayOutputStream(frames.length * copies);
        for (int i = 0; i < copies; i++) out.writeBytes(frames);
        return out.toByteArray();
    }

    /** The fields of a layer III frame header that give its length. */
    private record Header(int version, int rate, boolean mono, int bytes) {
        static Header at(byte[] b, int p) {
            if ((b[p] & 0xff) != 0xff || (b[p + 1] & 0xe0) != 0xe0 || ((b[p + 1] >> 1) & 3) != 1) {
                throw new IllegalArgumentException("no MPEG layer III frame at byte " + p);
            }
            int version = (b[p + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
            int kbps = (version == 3 ? MPEG1_L3_KBPS : MPEG2_L3_KBPS)[(b[p + 2] >> 4) & 0xf];
            int rate = RATES[version][(b[p + 2] >> 2) & 3];
            int padding = (b[p + 2] >> 1) & 1;
            boolean mono = ((b[p + 3] >> 6) & 3) == 3;
            return new Header(version, rate, mono, (version == 3 ? 144_000 : 72_000) * kbps / rate + padding);
        }

        int samplesPerFrame() {
            return version == 3 ? 1152 : 576;
        }

        /** Side information after the 4-byte header, where a Xing/Info tag starts. */
        int sideInfoBytes() {
            return version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        }
    }
}
