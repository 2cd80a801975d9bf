package org.genrebench.dataset;

import org.genrebench.audio.AudioFormats;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Song and item ids, and the names of feature-table rows. GTZAN's {@code blues.00000.wav} (or {@code .au}) is song
 * {@code blues.00000}, and its 3-second chunk {@code blues.00000.3.wav} is item {@code blues.00000.3} of that song. A
 * name is taken as GTZAN's only when its word is the genre of the folder it lies in (or of its label): {@code
 * classical/copy_classical.00010.wav} is an ordinary file. Rows of other files are named by their path below the
 * dataset ({@code rock/Album A/01 - Track.mp3}), so that two files of one name in different folders stay two rows,
 * and their chunks keep the file's extension before the chunk number ({@code rock/Album A/01 - Track.mp3.3.wav}),
 * which tells a chunk from a whole file.
 */
public final class TrackIds {
    /** GTZAN's ten genres. */
    public static final List<String> GTZAN_GENRES = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");
    /** GTZAN's item shape: {@code <word>.NNNNN}, or {@code <word>.NNNNN.k} for a chunk. */
    private static final Pattern GTZAN_ITEM = Pattern.compile("([A-Za-z0-9_-]+)\\.(\\d{5})(\\.\\d+)?");
    /** A chunk of any other file: its name with a decoded audio extension, then {@code .k}. */
    private static final Pattern FILE_CHUNK = Pattern.compile("(.+\\.(?:" + String.join("|", AudioFormats.decodedExtensions())
            + "))\\.\\d+", Pattern.CASE_INSENSITIVE);

    private TrackIds() {
    }

    /** {@code stem} itself when it is GTZAN's {@code <genre>.NNNNN} for this {@code genre} (any case), else empty. */
    public static Optional<String> gtzanSong(String stem, String genre) {
        Matcher m = GTZAN_ITEM.matcher(stem);
        return m.matches() && m.group(3) == null && m.group(1).equalsIgnoreCase(genre) ? Optional.of(stem) : Optional.empty();
    }

    /** The genre a GTZAN-shaped {@code stem} names when that is one of GTZAN's ten, else empty. */
    public static Optional<String> gtzanGenreNamed(String stem) {
        Matcher m = GTZAN_ITEM.matcher(stem);
        String word = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        return GTZAN_GENRES.contains(word) ? Optional.of(word) : Optional.empty();
    }

    /**
     * A feature-table file name (any folder prefix, {@code .wav}/{@code .au} suffix) to its item id: a GTZAN name
     * ({@code blues/blues.00000.wav}, or without folder) gives {@code blues.00000}; any other name keeps its folders.
     */
    public static String itemId(String fileName) {
        String name = fileName.strip().replace('\\', '/');
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[]{".wav", ".au"}) {
            if (lower.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        int slash = name.lastIndexOf('/');
        if (slash < 0) return name;
        String last = name.substring(slash + 1);
        String folder = name.substring(name.lastIndexOf('/', slash - 1) + 1, slash);
        Matcher m = GTZAN_ITEM.matcher(last);
        return m.matches() && m.group(1).equalsIgnoreCase(folder) ? last : name;
    }

    /**
     * Item id to its song: GTZAN's {@code blues.00000.3} → {@code blues.00000}; {@code rock/take.mp3.3} → {@code
     * rock/take.mp3}; any other item is a song of its own.
     */
    public static String songId(String itemId) {
        int slash = itemId.lastIndexOf('/');
        Matcher g = GTZAN_ITEM.matcher(itemId.substring(slash + 1));
        if (g.matches()) return itemId.substring(0, slash + 1) + g.group(1) + "." + g.group(2);
        Matcher c = FILE_CHUNK.matcher(itemId);
        return c.matches() ? c.group(1) : itemId;
    }

    /** A whole-track row's file name: the track's id (unique in its dataset) and its file's extension. */
    public static String rowName(Track t) {
        String ext = AudioFormats.extension(t.source());
        return ext.isEmpty() ? t.id() : t.id() + "." + ext;
    }

    /** What chunk k's row name starts with (then {@code .k.wav}): GTZAN-shaped ids as the community table does. */
    public static String chunkStem(Track t) {
        String last = t.id().substring(t.id().lastIndexOf('/') + 1);
        return GTZAN_ITEM.matcher(last).matches() ? t.id() : rowName(t);
    }

    /**
     * The song id of an audio file: GTZAN's {@code <genre>.NNNNN} when the file is named for {@code label}, else
     * {@code relative} (its path below the dataset) without the extension, as it is: every CSV holding ids quotes
     * them ({@link org.genrebench.util.Csv}).
     */
    static String songOf(Path file, String relative, String label) {
        return gtzanSong(stem(file), label).orElseGet(() -> {
            String path = relative.replace('\\', '/');
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 && path.endsWith(name) ? path.substring(0, path.length() - (name.length() - dot)) : path;
        });
    }

    /** A file's name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
