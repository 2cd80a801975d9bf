package org.genrebench.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Decodes WAV (RIFF), Sun {@code .au}, FLAC, Ogg Vorbis and MP3 files to a mono float clip at the file's own
 * sample rate, in pure Java. The format is recognised by its bytes, not the file name; containers that are
 * recognised but not decoded (MP4/M4A, Opus, WMA, Matroska/WebM, AIFF) get a sentence saying how to convert them.
 */
public final class AudioReader {
    private AudioReader() {
    }

    public static AudioClip read(Path file) {
        byte[] raw = readBytes(file);
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        if (bytes.limit() == 0) throw new AudioFormatException(file, "empty file");
        if (WavParser.matches(bytes)) return WavParser.parse(bytes, file).decodeMono(bytes, file);
        if (AuParser.matches(bytes)) return AuParser.parse(bytes, file).decodeMono(bytes, file);
        if (FlacDecoding.matches(bytes)) return FlacDecoding.decode(raw, file);
        if (VorbisDecoding.matches(bytes)) {
            String codec = VorbisDecoding.codecOf(bytes);
            return switch (codec) {
                case "vorbis" -> VorbisDecoding.decode(raw, file);
                case "opus" -> throw notDecoded(file, "Opus audio in Ogg");
                case "flac" -> throw notDecoded(file, "FLAC in an Ogg container");
                case "speex" -> throw notDecoded(file, "Speex audio in Ogg");
                default -> throw new AudioFormatException(file, "Ogg file of an unknown codec");
            };
        }
        String container = containerNotDecoded(bytes);
        if (container != null) throw notDecoded(file, container);
        if (Mp3Decoding.matches(bytes) || AudioFormats.extension(file).equals("mp3")) return Mp3Decoding.decode(raw, file);
        throw new AudioFormatException(file, "not a WAV, AU, FLAC, Ogg Vorbis or MP3 file");
    }

    private static AudioFormatException notDecoded(Path file, String format) {
        return new AudioFormatException(file, AudioFormats.conversionHint(format, file));
    }

    /** Formats told apart by their first bytes that no decoder here reads, or null. */
    private static String containerNotDecoded(ByteBuffer b) {
        if (b.limit() >= 12 && tag(b, 4).equals("ftyp")) return "MPEG-4 audio/video (AAC or ALAC, .m4a/.mp4)";
        if (b.limit() >= 4 && (b.getInt(0) == 0x3026B275)) return "Windows Media (ASF: .wma/.wmv)";
        if (b.limit() >= 4 && (b.getInt(0) == 0x1A45DFA3)) return "Matroska/WebM audio or video";
        if (b.limit() >= 12 && tag(b, 0).equals("FORM") && (tag(b, 8).equals("AIFF") || tag(b, 8).equals("AIFC"))) return "AIFF";
        if (b.limit() >= 4 && tag(b, 0).equals("MAC ")) return "Monkey's Audio (.ape)";
        if (b.limit() >= 4 && tag(b, 0).equals("wvpk")) return "WavPack (.wv)";
        if (b.limit() >= 2 && (b.get(0) & 0xff) == 0xff && ((b.get(1) & 0xf6) == 0xf0)) return "AAC (ADTS, .aac)";
        return null;
    }

    private static String tag(ByteBuffer b, int pos) {
        byte[] t = new byte[4];
        b.get(pos, t);
        return new String(t, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The file's bytes; a folder, FIFO, socket or device is refused before it is opened (a FIFO would block). */
    private static byte[] readBytes(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isDirectory()) throw new AudioFormatException(file, "a folder, not an audio file");
            if (!attrs.isRegularFile()) throw new AudioFormatException(file, "not a regular file (a FIFO, socket or device); not opened");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new AudioFormatException(file, "permission denied, cannot read the file");
        } catch (IOException e) {
            throw new AudioFormatException(file, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
