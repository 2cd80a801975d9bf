package org.genrebench.experiment;

import org.genrebench.dataset.Sample;
import org.genrebench.split.Fold;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leaky protocol really puts chunks of one song on both sides; the honest ones never do. */
class ProtocolTest {
    /** 3 genres × 12 songs × 10 chunks; songs of the same artist share a group (4 artists per genre). */
    static PreparedDataset dataset() {
        List<String> songs = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Sample<double[]>> rows = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            for (int s = 0; s < 12; s++) {
                String song = "g" + g + "." + s;
                songs.add(song);
                groups.add("artist" + g + "-" + s % 4);
                labels.add(g);
                for (int c = 0; c < 10; c++) rows.add(new Sample<>(new double[]{g, s, c}, song, "artist" + g + "-" + s % 4, g));
            }
        }
        return new PreparedDataset("t", "t", List.of("a", "b", "c"), songs, groups, labels.stream().mapToInt(Integer::intValue).toArray(),
                rows, List.of(), List.of());
    }

    static Set<String> songsOf(List<Sample<double[]>> rows, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> rows.get(i).songId()).collect(Collectors.toSet());
    }

    static Set<String> groupsOf(List<Sample<double[]>> rows, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> rows.get(i).groupId()).collect(Collectors.toSet());
    }

    @Test
    void chunkShuffleMixesSongsAcrossTrainAndTest() {
        PreparedDataset d = dataset();
        List<Fold> folds = new Protocol.ChunkShuffle(0.2).folds(d, d.features(), 1);
        assertEquals(1, folds.size());
        Fold f = folds.getFirst();
        assertEquals(72, f.test().length, "20% of 360 chunks");
        Set<String> shared = new HashSet<>(songsOf(d.features(), f.train()));
        shared.retainAll(songsOf(d.features(), f.test()));
        assertTrue(shared.size() > 20, "most test songs also have chunks in training, got " + shared.size());
        assertNotEquals(Arrays.toString(f.test()), Arrays.toString(new Protocol.ChunkShuffle(0.2).folds(d, d.features(), 2).getFirst().test()));
        assertTrue(new Protocol.ChunkShuffle(0.2).leaky());
    }

    @Test
    void honestProtocolsNeverShareASongOrArtist() {
        PreparedDataset d = dataset();
        for (Protocol p : List.of(new Protocol.KFold(4), new Protocol.SongHoldout(3))) {
            assertFalse(p.leaky());
            for (long seed = 0; seed < 3; seed++) {
                int tested = 0;
                for (Fold f : p.folds(d, d.features(), seed)) {
                    Set<String> shared = new HashSet<>(groupsOf(d.features(), f.train()));
                    shared.retainAll(groupsOf(d.features(), f.test()));
                    assertEquals(Set.of(), shared, p + " seed " + seed + " fold " + f.index());
                    assertEquals(360, f.train().length + f.test().length);
                    tested += f.test().length;
                }
                if (p instanceof Protocol.KFold) assertEquals(360, tested, "every chunk tested once per repeat");
            }
        }
    }

    @Test
    void songHoldoutHoldsOutNSongsPerGenre() {
        PreparedDataset d = dataset();
        Fold f = new Protocol.SongHoldout(3).folds(d, d.features(), 5).getFirst();
        Set<String> test = songsOf(d.features(), f.test());
        for (String genre : List.of("g0.", "g1.", "g2.")) {
            assertEquals(3, test.stream().filter(s -> s.startsWith(genre)).count(), genre);
        }
    }

    @Test
    void namesParse() {
        Path splits = Path.of("data/splits");
        assertEquals(new Protocol.KFold(5), Protocol.parse("kfold", 5, splits));
        assertEquals(new Protocol.SongHoldout(3), Protocol.parse("song-holdout", 5, splits));
        assertEquals(new Protocol.SongHoldout(7), Protocol.parse("song-holdout:7", 5, splits));
        assertEquals(new Protocol.ChunkShuffle(0.2), Protocol.parse("chunk-shuffle", 5, splits));
        assertEquals(new Protocol.FaultFiltered(splits), Protocol.parse("fault-filtered", 5, splits));
        assertEquals(null, Protocol.parse("shuffle", 5, splits));
    }
}
