package org.genrebench.dataset;

import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.util.FileDigest;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An audio dataset, as {@code extract}, {@code compare} and {@code train} all see it: the tracks of one or more
 * sources ({@code --data}, repeatable), each a folder-per-genre collection (GTZAN's copies included) or a manifest
 * CSV. Sources are combined into one set; a song that two sources both hold, or two files with the same bytes under
 * any names, in one source or two, is kept once and every further copy is named, since two copies of a song could
 * land on both sides of a fold.
 *
 * @param description   one line for reports: the sources and the track count
 * @param tracks        every usable track, sorted by label then id
 * @param excluded      every file or folder left out, with the reason
 * @param officialSplit a fixed partition per song id when the sources carry one (else empty)
 */
public record AudioDataset(String description, List<Track> tracks, List<Excluded> excluded, Map<String, String> officialSplit) {

    public List<String> genres() {
        return tracks.stream().map(Track::label).distinct().toList();
    }

    /** Reads every source; a source that does not exist or holds no usable audio at all is a user error. */
    public static AudioDataset load(List<Path> sources) {
        return load(sources, Optional.empty());
    }

    /** As {@link #load(List)}, with FMA's {@code tracks.csv} given explicitly ({@code --metadata}) for FMA folders. */
    public static AudioDataset load(List<Path> sources, Optional<Path> fmaMetadata) {
        if (sources.isEmpty()) throw new UserException("no dataset given (--data FOLDER or --data MANIFEST.csv)");
        List<DatasetPart> parts = new ArrayList<>();
        for (Path source : sources) parts.add(loadOne(source, fmaMetadata));
        return combine(parts);
    }

    private static DatasetPart loadOne(Path source, Optional<Path> fmaMetadata) {
        if (Manifest.looksLikeManifest(source)) return requireTracks(source, Manifest.read(source));
        if (Files.isRegularFile(source)) {
            throw new UserException("dataset " + source + " is a file but not a manifest .csv (path,label[,group])");
        }
        if (!Files.isDirectory(source)) throw new UserException("dataset folder " + source + " does not exist");
        if (FmaFolder.looksLikeFma(source)) return requireTracks(source, FmaFolder.scan(source, FmaFolder.metadataFor(source, fmaMetadata)));
        return requireTracks(source, GenreFolders.scan(source));
    }

    /** Every track as a feature-table input, its rows named by {@link TrackIds#rowName} and {@link TrackIds#chunkStem}. */
    public List<FeatureTableWriter.Input> tableInputs() {
        return tracks.stream().map(t -> new FeatureTableWriter.Input(t.source(), TrackIds.rowName(t), TrackIds.chunkStem(t), t.label())).toList();
    }

    private static DatasetPart requireTracks(Path source, DatasetPart part) {
        if (!part.tracks().isEmpty()) return part;
        String first = part.excluded().isEmpty() ? "" : " (" + part.excluded().size() + " entries left out, first: "
                + part.excluded().getFirst() + ")";
        throw new UserException("no usable audio in " + source + ": expected <genre>/<any name>.<wav|au|...> below it"
                + " (or below " + String.join("/, ", GenreFolders.GTZAN_LAYOUTS) + "/), or a manifest CSV" + first);
    }

    private static AudioDataset combine(List<DatasetPart> parts) {
        Map<String, Track> bySong = new LinkedHashMap<>();
        Map<Path, Track> byFile = new HashMap<>();
        List<Excluded> excluded = new ArrayList<>();
        Map<String, String> split = new HashMap<>();
        for (DatasetPart part : parts) {
            for (Track t : part.tracks()) {
                Path file = realPath(t.source());
                Track sameSong = bySong.get(t.songId());
                Track sameFile = byFile.get(file);
                if (sameSong != null || sameFile != null) {
                    Track first = sameSong != null ? sameSong : sameFile;
                    excluded.add(new Excluded(t.source(), (sameSong != null ? "song '" + t.songId() + "' is" : "this file is")
                            + " already in the dataset from " + first.source() + "; a second copy would leak across folds, left out"));
                    continue;
                }
                bySong.put(t.songId(), t);
                byFile.put(file, t);
                String s = part.officialSplit().get(t.songId());
                if (s != null) split.put(t.songId(), s);
            }
            excluded.addAll(part.excluded());
        }
        List<Track> tracks = withoutCopies(new ArrayList<>(bySong.values()), excluded);
        split.keySet().retainAll(tracks.stream().map(Track::songId).collect(java.util.stream.Collectors.toSet()));
        tracks.sort(Comparator.comparing(Track::label).thenComparing(Track::id));
        String description = String.join(" + ", parts.stream().map(DatasetPart::description).toList())
                + " (" + tracks.size() + " tracks)";
        return new AudioDataset(description, List.copyOf(tracks), List.copyOf(excluded), Map.copyOf(split));
    }

    /**
     * {@code tracks} without those whose file holds the same bytes as an earlier one's, each named as a duplicate.
     * Only files that share their size with another are read. A file that cannot be read stays, for its reader to name.
     */
    private static List<Track> withoutCopies(List<Track> tracks, List<Excluded> excluded) {
        Map<Track, Long> sizes = new HashMap<>();
        Map<Long, Integer> perSize = new HashMap<>();
        for (Track t : tracks) {
            try {
                long size = Files.size(t.source());
                sizes.put(t, size);
                perSize.merge(size, 1, Integer::sum);
            } catch (IOException e) {
                // unreadable: the audio reader names it
            }
        }
        Map<Track, String> content = new java.util.concurrent.ConcurrentHashMap<>();
        tracks.parallelStream().filter(t -> sizes.containsKey(t) && perSize.get(sizes.get(t)) > 1).forEach(t -> {
            try {
                content.put(t, java.util.HexFormat.of().formatHex(FileDigest.of(t.source())));
            } catch (IOException e) {
                // unreadable: the audio reader names it
            }
        });
        Map<String, Track> first = new HashMap<>();
        List<Track> kept = new ArrayList<>();
        for (Track t : tracks) {
            String hash = content.get(t);
            Track original = hash == null ? null : first.putIfAbsent(hash, t);
            if (original == null) {
                kept.add(t);
            } else {
                excluded.add(new Excluded(t.source(), "duplicate of " + original.source()
                        + " (the same bytes); a second copy would leak across folds, left out"));
            }
        }
        return kept;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
