package org.genrebench.audio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which files are audio this project decodes, judged by the file name; {@link AudioReader} then decides by the
 * bytes. Formats met in music collections that no pure-Java decoder here reads get one sentence naming the
 * format and the ffmpeg command that converts them.
 */
public final class AudioFormats {
    /** Extensions {@link AudioReader} decodes. */
    static final Set<String> DECODED = Set.of("wav", "wave", "au", "snd", "mp3", "flac", "ogg", "oga");

    /** Extensions of audio (or video) formats that are recognised but not decoded, with the format's name. */
    private static final Map<String, String> NOT_DECODED = Map.ofEntries(
            Map.entry("m4a", "MPEG-4 audio (AAC or ALAC, .m4a)"),
            Map.entry("m4b", "MPEG-4 audio (AAC, .m4b)"),
            Map.entry("mp4", "MPEG-4 video (.mp4)"),
            Map.entry("aac", "AAC (.aac)"),
            Map.entry("alac", "Apple Lossless (.alac)"),
            Map.entry("opus", "Opus (.opus)"),
            Map.entry("webm", "WebM (.webm)"),
            Map.entry("mkv", "Matroska video (.mkv)"),
            Map.entry("mka", "Matroska audio (.mka)"),
            Map.entry("wma", "Windows Media Audio (.wma)"),
            Map.entry("wmv", "Windows Media Video (.wmv)"),
            Map.entry("avi", "AVI video (.avi)"),
            Map.entry("mov", "QuickTime video (.mov)"),
            Map.entry("aif", "AIFF (.aif)"),
            Map.entry("aiff", "AIFF (.aiff)"),
            Map.entry("aifc", "AIFF-C (.aifc)"),
            Map.entry("ape", "Monkey's Audio (.ape)"),
            Map.entry("wv", "WavPack (.wv)"),
            Map.entry("mpc", "Musepack (.mpc)"),
            Map.entry("amr", "AMR (.amr)"),
            Map.entry("ac3", "Dolby Digital (.ac3)"),
            Map.entry("dsf", "DSD (.dsf)"));

    private AudioFormats() {
    }

    /** The extensions of the formats decoded here, lower case. */
    public static Set<String> decodedExtensions() {
        return DECODED;
    }

    /** The lower-case extension of a file name, or "" when it has none. */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the file name says it is audio this project decodes. */
    public static boolean isDecoded(Path file) {
        return DECODED.contains(extension(file));
    }

    /** For a recognised audio or video format that is not decoded: why, and how to convert it; else empty. */
    public static Optional<String> notDecoded(Path file) {
        String format = NOT_DECODED.get(extension(file));
        return format == null ? Optional.empty() : Optional.of(conversionHint(format, file));
    }

    /** One sentence: the format is not read here, and the ffmpeg command that turns it into FLAC (lossless). */
    static String conversionHint(String format, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String flac = (dot > 0 ? name.substring(0, dot) : name) + ".flac";
        return format + " is not supported; convert it, e.g. ffmpeg -i '" + name + "' '" + flac + "'";
    }
}
