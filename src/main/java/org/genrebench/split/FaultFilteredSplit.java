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

    /** Share of the lists' songs a dataset must hold for the protocol to mean what its papers report. */
    static final double MIN_COVERAGE = 0.9;

    /**
     * Refuses data that is not GTZAN: the lists name 930 GTZAN songs, and on any other data (a synthetic set with
     * GTZAN-style names, a subset) they would keep a handful of test songs and report a meaningless score.
     */
    public void requireGtzan(String dataName, java.util.Collection<String> songIds) {
        Set<String> have = new java.util.HashSet<>(songIds);
        long listed = 0, present = 0;
        for (Set<String> list : List.of(train, valid, test)) {
            for (String s : list) {
                listed++;
                if (have.contains(s)) present++;
            }
        }
        if (present < MIN_COVERAGE * listed) {
            throw new UserException(String.format(java.util.Locale.ROOT,
                    "--split fault-filtered is defined on GTZAN: %s holds %d of the %d songs its lists name (at least %.0f %% needed)",
                    dataName, present, listed, 100 * MIN_COVERAGE));
        }
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
