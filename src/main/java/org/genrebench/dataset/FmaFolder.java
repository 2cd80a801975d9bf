package org.genrebench.dataset;

import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An FMA audio folder ({@code fma_small}, {@code fma_medium}, ...): {@code <first 3 digits>/<6-digit track id>.mp3}.
 * Labels ({@code track,genre_top}), FMA's official split ({@code set,split}) and artists ({@code artist,id}, so that
 * k-fold keeps artists apart) come from {@code tracks.csv}: {@code --metadata FILE}, else the unpacked layout's
 * {@code DIR/../fma_metadata/tracks.csv}. Tracks without a top-level genre or missing from the metadata are named and
 * left out; clips that hold no audio (FMA's errata list some) fail to decode and are skipped like any bad file.
 */
final class FmaFolder {
    private static final Pattern BUCKET = Pattern.compile("\\d{3}");
    private static final Pattern CLIP = Pattern.compile("(\\d{6})\\.mp3", Pattern.CASE_INSENSITIVE);

    private FmaFolder() {
    }

    /** Whether {@code dir} looks like FMA audio: a 3-digit folder holding a 6-digit {@code .mp3}. */
    static boolean looksLikeFma(Path dir) {
        for (Path bucket : children(dir)) {
            if (!Files.isDirectory(bucket) || !BUCKET.matcher(bucket.getFileName().toString()).matches()) continue;
            for (Path f : children(bucket)) if (CLIP.matcher(f.getFileName().toString()).matches()) return true;
        }
        return false;
    }

    /** {@code --metadata} when given, else FMA's unpacked layout: {@code DIR/../fma_metadata/tracks.csv}. */
    static Path metadataFor(Path dir, Optional<Path> metadata) {
        if (metadata.isPresent()) return metadata.get();
        Path beside = dir.toAbsolutePath().normalize().resolveSibling("fma_metadata").resolve("tracks.csv");
        if (Files.isRegularFile(beside)) return beside;
        throw new UserException(dir + " holds FMA audio, whose labels come from tracks.csv; not found at " + beside
                + " (download fma-metadata, or give --metadata FILE)");
    }

    static DatasetPart scan(Path dir, Path tracksCsv) {
        List<Excluded> excluded = new ArrayList<>();
        Map<Integer, Path> clips = new HashMap<>();
        for (Path bucket : children(dir)) {
            String name = bucket.getFileName().toString();
            if (!Files.isDirectory(bucket) || !BUCKET.matcher(name).matches()) {
                if (!name.equals("README.txt") && !name.equals("checksums")) {
                    excluded.add(new Excluded(bucket, "not an FMA <NNN>/ folder; left out"));
                }
                continue;
            }
            for (Path f : children(bucket)) {
                var m = CLIP.matcher(f.getFileName().toString());
                if (m.matches()) clips.put(Integer.parseInt(m.group(1)), f);
                else excluded.add(new Excluded(f, "not an FMA <6-digit id>.mp3 clip; left out"));
            }
        }
        Map<Integer, FmaTracks.Entry> meta = FmaTracks.read(tracksCsv, new HashSet<>(clips.keySet()));
        List<Track> tracks = new ArrayList<>();
        Map<String, String> split = new HashMap<>();
        for (var clip : new java.util.TreeMap<>(clips).entrySet()) {
            FmaTracks.Entry e = meta.get(clip.getKey());
            String id = String.format(Locale.ROOT, "%06d", clip.getKey());
            if (e == null) {
                excluded.add(new Excluded(clip.getValue(), "track " + id + " is not in " + tracksCsv + "; left out"));
            } else if (e.genreTop().isEmpty()) {
                excluded.add(new Excluded(clip.getValue(), "track " + id + " has no top-level genre (track,genre_top is empty); left out"));
            } else {
                Optional<String> artist = e.artistId().isEmpty() ? Optional.empty() : Optional.of("artist " + e.artistId());
                tracks.add(new Track(id, id, e.genreTop(), clip.getValue(), artist));
                if (!e.split().isEmpty()) split.put(id, e.split());
            }
        }
        return new DatasetPart("FMA folder " + dir.toAbsolutePath().normalize() + " with " + tracksCsv, tracks, excluded, split);
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

}
