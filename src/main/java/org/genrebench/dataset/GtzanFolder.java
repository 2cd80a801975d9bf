package org.genrebench.dataset;

import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the tracks of a GTZAN-style folder: {@code <genre>/<genre>.NNNNN.wav|au} below {@code genres/}
 * (marsyas tarball, {@code synth}), {@code genres_original/} or {@code Data/genres_original/} (Kaggle), or
 * directly below the folder given. The genre is the folder name; odd files are reported, not fatal.
 */
public final class GtzanFolder {
    /** Where the genre folders may sit, relative to the folder given, in the order they are tried. */
    static final List<String> LAYOUTS = List.of("genres", "genres_original", "Data/genres_original", ".");
    private static final Pattern AUDIO_NAME = Pattern.compile("([a-z0-9_-]+)\\.(\\d{5})\\.(wav|au)", Pattern.CASE_INSENSITIVE);

    private GtzanFolder() {
    }

    /**
     * @param root     the folder holding the genre folders
     * @param tracks   every track, sorted by genre then id
     * @param problems one readable line per skipped file or empty genre folder
     */
    public record Scan(Path root, List<Track> tracks, List<String> problems) {
        public List<String> genres() {
            return tracks.stream().map(Track::label).distinct().toList();
        }
    }

    public static Scan scan(Path dir) {
        if (!Files.isDirectory(dir)) throw new UserException("dataset folder " + dir + " does not exist");
        for (String layout : LAYOUTS) {
            Path root = dir.resolve(layout).normalize();
            if (!Files.isDirectory(root)) continue;
            Scan scan = scanRoot(root);
            if (!scan.tracks().isEmpty()) return scan;
        }
        throw new UserException("no GTZAN audio found in " + dir + ": looked for "
                + String.join(", ", LAYOUTS.stream().map(l -> (l.equals(".") ? "" : l + "/") + "<genre>/<genre>.NNNNN.wav|au").toList()));
    }

    private static Scan scanRoot(Path root) {
        List<Track> tracks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path genreDir : sortedChildren(root)) {
            if (!Files.isDirectory(genreDir)) continue;
            String genre = genreDir.getFileName().toString();
            int before = tracks.size();
            for (Path file : sortedChildren(genreDir)) {
                String name = file.getFileName().toString();
                Matcher m = AUDIO_NAME.matcher(name);
                if (!Files.isRegularFile(file) || !m.matches()) {
                    if (!name.startsWith(".")) problems.add(file + ": not a <genre>.NNNNN.wav|au audio file, skipped");
                } else if (!m.group(1).equals(genre)) {
                    problems.add(file + ": named for genre '" + m.group(1) + "' but lies in folder '" + genre + "', skipped");
                } else if (!ids.add(genre + "." + m.group(2))) {
                    problems.add(file + ": another file already has the id " + genre + "." + m.group(2) + ", skipped");
                } else {
                    String id = genre + "." + m.group(2);
                    tracks.add(new Track(id, id, genre, file));
                }
            }
            if (tracks.size() == before) problems.add(genreDir + ": genre folder holds no audio files");
        }
        tracks.sort(Comparator.comparing(Track::label).thenComparing(Track::id));
        return new Scan(root, List.copyOf(tracks), List.copyOf(problems));
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
