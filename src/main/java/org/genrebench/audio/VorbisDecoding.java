package org.genrebench.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Ogg Vorbis through JOrbis (the first logical stream of the file). Decoded float blocks go straight into
 * {@link MonoMix}; the end is cut at the last page's granule position, as libvorbis does.
 */
final class VorbisDecoding {
    private VorbisDecoding() {
    }

    static boolean matches(ByteBuffer bytes) {
        return bytes.limit() >= 4 && bytes.get(0) == 'O' && bytes.get(1) == 'g' && bytes.get(2) == 'g' && bytes.get(3) == 'S';
    }

    /** The codec of the first Ogg packet, for formats that are Ogg but not Vorbis (Opus, Ogg FLAC, Speex). */
    static String codecOf(ByteBuffer bytes) {
        if (bytes.limit() < 27) return "";
        int segments = bytes.get(26) & 0xff;
        int body = 27 + segments;
        if (bytes.limit() < body + 8) return "";
        byte[] head = new byte[8];
        bytes.get(body, head);
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (s.startsWith("\u0001vorbis")) return "vorbis";
        if (s.startsWith("OpusHead")) return "opus";
        if (s.startsWith("\u007fFLAC")) return "flac";
        if (s.startsWith("Speex")) return "speex";
        return "";
    }

    static AudioClip decode(byte[] bytes, Path file) {
        SyncState sync = new SyncState();
        StreamState stream = new StreamState();
        Page page = new Page();
        Packet packet = new Packet();
        Info info = new Info();
        Comment comment = new Comment();
        sync.init();
        int at = sync.buffer(bytes.length);
        System.arraycopy(bytes, 0, sync.data, at, bytes.length);
        sync.wrote(bytes.length);

        if (sync.pageout(page) != 1) throw new AudioFormatException(file, "not an Ogg stream");
        stream.init(page.serialno());
        info.init();
        comment.init();
        if (stream.pagein(page) < 0 || stream.packetout(packet) != 1 || info.synthesis_headerin(comment, packet) < 0) {
            throw new AudioFormatException(file, "Ogg stream does not start with a Vorbis header");
        }
        for (int headers = 1; headers < 3; ) {
            if (sync.pageout(page) != 1) throw new AudioFormatException(file, "Ogg Vorbis headers are truncated");
            stream.pagein(page);
            for (int r; headers < 3 && (r = stream.packetout(packet)) != 0; headers++) {
                if (r < 0 || info.synthesis_headerin(comment, packet) < 0) throw new AudioFormatException(file, "corrupt Vorbis header");
            }
        }
        if (info.channels <= 0 || info.rate <= 0) throw new AudioFormatException(file, "Vorbis header gives no channels or rate");

        DspState dsp = new DspState();
        Block block = new Block(dsp);
        dsp.synthesis_init(info);
        block.init(dsp);
        MonoMix mix = new MonoMix(info.channels, (int) Math.min(1 << 24, bytes.length * 16L));
        float[][][] pcm = new float[1][][];
        int[] offsets = new int[info.channels];
        long lastGranule = -1;
        try {
            boolean end = false;
            while (!end) {
                int r = sync.pageout(page);
                if (r == 0) break; // no more whole pages: end of file (or a truncated last page)
                if (r < 0) continue; // a gap in the data: resynchronised on the next page
                stream.pagein(page);
                if (page.granulepos() >= 0) lastGranule = page.granulepos();
                for (int p; (p = stream.packetout(packet)) != 0; ) {
                    if (p < 0) continue;
                    if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
                    for (int n; (n = dsp.synthesis_pcmout(pcm, offsets)) > 0; dsp.synthesis_read(n)) {
                        mix.addPlanar(pcm[0], offsets, n, 1f);
                    }
                }
                end = page.eos() != 0;
            }
        } catch (RuntimeException e) {
            if (mix.length() == 0) throw new AudioFormatException(file, "corrupt Vorbis data (" + e + ")");
        }
        if (mix.length() == 0) throw new AudioFormatException(file, "Ogg Vorbis stream holds no audio");
        if (lastGranule > 0 && lastGranule < mix.length()) mix.trim(0, (int) lastGranule);
        return new AudioClip(mix.samples(), info.rate, file);
    }
}
