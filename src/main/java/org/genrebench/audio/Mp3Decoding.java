package org.genrebench.audio;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * MPEG-1/2/2.5 audio (mp3) through JLayer. The synthesis filter's float output is taken before JLayer rounds it to
 * 16 bits, and scaled by JLayer's own output scale (32 700) back to [-1, 1]. Gapless trimming follows ffmpeg and
 * mpg123: when the first frame is a Xing/Info frame with a LAME tag, that frame is not audio, and the encoder delay
 * plus the decoder's 529-sample delay are cut from the start and the encoder padding from the end, so the clip
 * lines up with the audio that was encoded.
 *
 * <p>JLayer fills some static tables on first use (the Huffman tables, the Layer III reorder table, the synthesis
 * window) and publishes each before it is filled, so two threads decoding their first mp3 at once can see a table
 * that is still empty. This class therefore decodes one silent frame while it is initialised: the JVM initialises a
 * class once, and every other thread that uses it waits until that is done.
 */
final class Mp3Decoding {
    /** JLayer's synthesis scale: its filters write samples in [-32700, 32700]. */
    private static final float JLAYER_SCALE = 32700f;
    /** Decoder delay of the MPEG layer III hybrid filter bank, in samples (ffmpeg and LAME use 528 + 1). */
    private static final int DECODER_DELAY = 529;

    static {
        fillJLayerTables();
    }

    private Mp3Decoding() {
    }

    /** Decodes three silent MPEG-1 Layer III frames (128 kb/s, 44.1 kHz, mono), which fills JLayer's lazy tables. */
    private static void fillJLayerTables() {
        int frameBytes = 417; // 144 * 128 000 / 44 100, no padding
        byte[] silence = new byte[3 * frameBytes];
        for (int f = 0; f < 3; f++) {
            int at = f * frameBytes;
            silence[at] = (byte) 0xFF;
            silence[at + 1] = (byte) 0xFB; // MPEG-1, Layer III, no CRC
            silence[at + 2] = (byte) 0x90; // 128 kb/s, 44.1 kHz
            silence[at + 3] = (byte) 0xC0; // single channel
        }
        decode(silence, Path.of("silence.mp3"));
    }

    /** An ID3v2 tag or an MPEG audio frame header at the start of the file. */
    static boolean matches(ByteBuffer bytes) {
        if (bytes.limit() >= 3 && bytes.get(0) == 'I' && bytes.get(1) == 'D' && bytes.get(2) == '3') return true;
        return bytes.limit() >= 4 && isFrameHeader(bytes, 0);
    }

    static AudioClip decode(byte[] bytes, Path file) {
        Gapless gapless = Gapless.find(bytes);
        Bitstream stream = new Bitstream(new ByteArrayInputStream(bytes));
        FrameBuffer frame = new FrameBuffer();
        Decoder decoder = new Decoder();
        decoder.setOutputBuffer(frame);
        MonoMix mix = null;
        int rate = 0, framesRead = 0;
        String failure = null;
        try {
            for (Header header; (header = stream.readFrame()) != null; stream.closeFrame()) {
                boolean tagFrame = framesRead++ == 0 && gapless != null;
                frame.clear();
                decoder.decodeFrame(header, stream);
                if (tagFrame) continue; // the Xing/Info frame carries the tag, not audio
                if (mix == null) {
                    rate = header.frequency();
                    mix = new MonoMix(header.mode() == Header.SINGLE_CHANNEL ? 1 : 2, (int) Math.min(1 << 24, bytes.length * 12L));
                }
                frame.mixInto(mix);
            }
        } catch (BitstreamException | DecoderException | RuntimeException e) {
            // JLayer signals damaged data with its own exceptions or an index error; what decoded so far is kept.
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (mix == null || mix.length() == 0) {
            throw new AudioFormatException(file, failure == null ? "MP3 file holds no audio frames" : "corrupt MP3 data (" + failure + ")");
        }
        if (gapless != null && gapless.trim()) {
            int start = gapless.delay + DECODER_DELAY;
            long end = gapless.frames > 0 ? (long) gapless.frames * gapless.samplesPerFrame - gapless.padding + DECODER_DELAY : Long.MAX_VALUE;
            mix.trim(start, (int) Math.min(Integer.MAX_VALUE, end));
        }
        return new AudioClip(mix.samples(), rate, file);
    }

    /** The float samples of one decoded frame, per channel, as JLayer's synthesis filters emit them. */
    private static final class FrameBuffer extends Obuffer {
        private final float[][] pcm = new float[2][1152];
        private final int[] count = new int[2];
        private final int[] zero = new int[2];

        void clear() {
            count[0] = count[1] = 0;
        }

        void mixInto(MonoMix mix) {
            if (mix.channels() == 2 && count[1] < count[0]) { // a mono frame inside a stereo stream
                System.arraycopy(pcm[0], 0, pcm[1], 0, count[0]);
                count[1] = count[0];
            }
            mix.addPlanar(pcm, zero, count[0], 1f / JLAYER_SCALE);
        }

        @Override
        public void appendSamples(int channel, float[] f) {
            if (channel > 1) return;
            float[] out = pcm[channel];
            int n = count[channel];
            if (n + f.length > out.length) pcm[channel] = out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + f.length));
            System.arraycopy(f, 0, out, n, f.length);
            count[channel] = n + f.length;
        }

        @Override
        public void append(int channel, short value) {
            appendSamples(channel, new float[]{value});
        }

        @Override
        public void write_buffer(int val) {
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
        }

        @Override
        public void set_stop_flag() {
        }
    }

    /** Encoder delay and padding from a LAME tag in the first frame (Xing/Info header). */
    private record Gapless(boolean trim, int delay, int padding, int frames, int samplesPerFrame) {
        static Gapless find(byte[] b) {
            int pos = 0;
            if (b.length >= 10 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') {
                int size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
                pos = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
            }
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (pos + 4 <= b.length && !isFrameHeader(buf, pos)) pos++;
            if (pos + 4 > b.length) return null;
            boolean mpeg1 = ((b[pos + 1] >> 3) & 3) == 3;
            boolean mono = ((b[pos + 3] >> 6) & 3) == 3;
            boolean layer3 = ((b[pos + 1] >> 1) & 3) == 1;
            if (!layer3) return null;
            int xing = pos + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
            if (xing + 8 > b.length) return null;
            String tag = new String(b, xing, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!tag.equals("Xing") && !tag.equals("Info")) return null;
            int flags = buf.getInt(xing + 4);
            int p = xing + 8;
            int frames = 0;
            if ((flags & 1) != 0) {
                if (p + 4 > b.length) return null;
                frames = buf.getInt(p);
                p += 4;
            }
            if ((flags & 2) != 0) p += 4;
            if ((flags & 4) != 0) p += 100;
            if ((flags & 8) != 0) p += 4;
            int spf = mpeg1 ? 1152 : 576;
            String encoder = p + 24 <= b.length ? new String(b, p, 4, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
            // Without a LAME (or libavcodec) extension the delays are unknown: only the tag frame is dropped.
            if (!encoder.equals("LAME") && !encoder.equals("Lavf") && !encoder.equals("Lavc")) return new Gapless(false, 0, 0, 0, spf);
            // LAME extension: 9-byte encoder string, then delay and padding as two 12-bit numbers at bytes 21..23.
            int d = p + 21;
            int delay = ((b[d] & 0xff) << 4) | ((b[d + 1] & 0xff) >> 4);
            int padding = ((b[d + 1] & 0x0f) << 8) | (b[d + 2] & 0xff);
            return new Gapless(true, delay, padding, frames, spf);
        }
    }

    /** An MPEG audio frame header: 11 sync bits, a valid version, layer, bit rate and sample rate. */
    private static boolean isFrameHeader(ByteBuffer b, int pos) {
        int b1 = b.get(pos + 1) & 0xff, b2 = b.get(pos + 2) & 0xff;
        return (b.get(pos) & 0xff) == 0xff && (b1 & 0xe0) == 0xe0
                && ((b1 >> 3) & 3) != 1 && ((b1 >> 1) & 3) != 0
                && (b2 >> 4) != 15 && ((b2 >> 2) & 3) != 3;
    }
}
