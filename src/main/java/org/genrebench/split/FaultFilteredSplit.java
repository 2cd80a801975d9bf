package org.genrebench.split;

import org.genrebench.dataset.TrackIds;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fault-filtered GTZAN protocol (Kereliuk, Sturm &amp; Larsen): fixed artist-disjoint train/valid/test song lists
 * that leave out GTZAN's repeated, distorted and mislabelled excerpts. Files {@code train_filtered.txt},
 * {@code valid_filtered.txt}, {@code test_filtered.txt}, one {@code genre/genre.NNNNN.wav} per line.
 */
public record FaultFilteredSplit(Set<String> train, Set<String> valid, Set<String> test) {

    public static FaultFilteredSplit read(Path dir) {
        return new FaultFilteredSplit(readList(dir.resolve("train_filtered.txt")),
                readList(dir.resolve("valid_filtered.txt")), readList(dir.resolve("test_filtered.txt")));
    }

    private static Set<String> readList(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException("split list not found: " + file);
        try {
            Set<String> songs = new LinkedHashSet<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String song = TrackIds.songId(TrackIds.itemId(line));
                if (!song.matches("[A-Za-z0-9_-]+\\.\\d+")) {
                    throw new UserException(file + ":" + (i + 1) + ": expected a GTZAN file such as blues/blues.00000.wav, found '" + line + "'");
                }
                songs.add(song);
            }
            return songs;
        } catch (IOException e) {
            throw new UserException("cannot read split list " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fewest listed songs on each side for a score that means anything (one test song is then 5 points at most). */
    static final int MIN_SONGS_PER_SIDE = 20;

    /**
     * Refuses data the lists hardly cover: they name 930 GTZAN songs, and on other data (a synthetic set with
     * GTZAN-style names, a few GTZAN files) they would keep a handful of songs and report a meaningless score. A GTZAN
     * subset with at least {@link #MIN_SONGS_PER_SIDE} songs on each side (e.g. three genres) is a partial but honest
     * artist-disjoint split; {@link #coverage} says how partial.
     */
    public void requireGtzan(String dataName, java.util.Collection<String> songIds) {
        Set<String> have = new java.util.HashSet<>(songIds);
        long trainSide = java.util.stream.Stream.concat(train.stream(), valid.stream()).filter(have::contains).count();
        long testSide = test.stream().filter(have::contains).count();
        if (trainSide < MIN_SONGS_PER_SIDE || testSide < MIN_SONGS_PER_SIDE) {
            throw new UserException(String.format(java.util.Locale.ROOT,
                    "--split fault-filtered is defined on GTZAN: %s holds %d training and %d test songs of its lists (at least %d of each needed)",
                    dataName, trainSide, testSide, MIN_SONGS_PER_SIDE));
        }
    }

    /** How many of the lists' songs {@code songIds} holds, for the report: e.g. "101 of the 930 listed songs". */
    public String coverage(java.util.Collection<String> songIds) {
        Set<String> have = new java.util.HashSet<>(songIds);
        long listed = (long) train.size() + valid.size() + test.size();
        long present = java.util.stream.Stream.of(train, valid, test).flatMap(Set::stream).filter(have::contains).count();
        return present + " of the " + listed + " listed songs";
    }

    /**
     * The single fold of this protocol over samples with the given song ids. Classical models have no early
     * stopping, so they train on train ∪ valid; samples of songs in no list (the filtered-out faults) are dropped.
     */
    public Fold fold(List<String> songIds) {
        List<Integer> tr = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int i = 0; i < songIds.size(); i++) {
            String s = songIds.get(i);
            if (test.contains(s)) te.add(i);
            else if (train.contains(s) || valid.contains(s)) tr.add(i);
        }
        if (tr.isEmpty() || te.isEmpty()) {
            throw new UserException("the fault-filtered split lists match none of this dataset's songs (GTZAN names such as blues.00000 expected)");
        }
        return new Fold(0, tr.stream().mapToInt(Integer::intValue).toArray(), te.stream().mapToInt(Integer::intValue).toArray());
    }
}
