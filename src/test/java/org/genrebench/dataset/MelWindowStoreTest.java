package org.genrebench.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class MelWindowStoreTest {
    @TempDir
    Path dir;

    private static float[][] song(Random rng, int windows, int length) {
        float[][] w = new float[windows][length];
        for (float[] x : w) for (int i = 0; i < length; i++) x[i] = (float) rng.nextGaussian();
        return w;
    }

    /** Three songs of 2, 3 and 1 windows of 5 values, into a store with the given budget. */
    private static List<Sample<float[]>> stored(long budget, Path spill, boolean[] onDisk) {
        Random rng = new Random(7);
        MelWindowStore store = new MelWindowStore(budget, spill);
        store.add(song(rng, 2, 5), "a", "artist 1", "rock");
        store.add(song(rng, 3, 5), "b", "artist 2", "jazz");
        store.add(song(rng, 1, 5), "c", "artist 1", "rock");
        onDisk[0] = store.onDisk();
        return store.samples(Map.of("jazz", 0, "rock", 1));
    }

    @Test
    void windowsOnDiskReadBackAsTheyWereAddedWithTheirSongsAndLabels() throws IOException {
        boolean[] memory = new boolean[1], disk = new boolean[1], halfway = new boolean[1];
        List<Sample<float[]>> inMemory = stored(Long.MAX_VALUE, dir, memory);
        List<Sample<float[]>> onDisk = stored(0, dir, disk);
        List<Sample<float[]>> spilledHalfway = stored(4 * 5 * 3, dir, halfway); // the third window goes to disk
        assertFalse(memory[0]);
        assertTrue(disk[0]);
        assertTrue(halfway[0]);
        for (List<Sample<float[]>> other : List.of(onDisk, spilledHalfway)) {
            assertEquals(6, other.size());
            for (int i = 0; i < 6; i++) {
                Sample<float[]> m = inMemory.get(i), d = other.get(i);
                assertArrayEquals(m.input(), d.input(), "window " + i);
                assertEquals(m.songId(), d.songId());
                assertEquals(m.groupId(), d.groupId());
                assertEquals(m.label(), d.label());
            }
        }
        assertEquals(List.of(1, 1, 0, 0, 0, 1), onDisk.stream().map(Sample::label).toList());
        assertEquals("artist 2", onDisk.get(4).groupId());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the window files are unlinked once open");
        }
    }

    @Test
    void aReadingSampleReadsItsInputOnEachAccessAndOnlyThen() {
        int[] reads = new int[1];
        Sample<float[]> s = Sample.reading(() -> new float[] {reads[0]++}, "song", "artist", 3);
        assertEquals("song", s.songId());
        assertEquals("artist", s.groupId());
        assertEquals(3, s.label());
        assertEquals(0, reads[0], "song, group and label come without reading the input");
        assertArrayEquals(new float[] {0}, s.input());
        assertArrayEquals(new float[] {1}, s.input());
        assertEquals(2, reads[0]);
    }

    @Test
    void viewsReadThroughWithoutCopying() {
        List<Sample<float[]>> onDisk = stored(0, dir, new boolean[1]);
        List<Sample<float[]>> fold = Samples.select(onDisk, new int[] {4, 0});
        assertEquals(2, fold.size());
        assertEquals("b", fold.getFirst().songId());
        assertArrayEquals(onDisk.get(0).input(), Samples.inputs(fold).get(1));
        assertNotSame(fold.get(1).input(), fold.get(1).input(), "each access reads the window again");
    }
}
