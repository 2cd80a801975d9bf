package org.genrebench.experiment;

import org.genrebench.dataset.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PreparedDatasetTest {

    @Test
    void classesBelowTheMinimumLeaveWithTheirSongsAndTheRestAreRenumbered() {
        // classes a (2 songs), b (1 song), c (2 songs); feature rows and mel windows, a window read on access
        PreparedDataset data = new PreparedDataset("d", "test", List.of("a", "b", "c"), List.of("a1", "a2", "b1", "c1", "c2"),
                List.of("a1", "a2", "b1", "c1", "c2"), new int[]{0, 0, 1, 2, 2},
                List.of(new Sample<>(new double[]{1}, "a1", 0), new Sample<>(new double[]{2}, "b1", 1), new Sample<>(new double[]{3}, "c2", 2)),
                List.of(Sample.reading(() -> new float[]{4}, "c1", "c1", 2), new Sample<>(new float[]{5}, "b1", 1)),
                List.of(new Skipped("x.wav", "unreadable")));
        PreparedDataset kept = data.withoutClassesBelow(2);
        assertEquals(List.of("a", "c"), kept.classNames());
        assertEquals(List.of("a1", "a2", "c1", "c2"), kept.songIds());
        assertArrayEquals(new int[]{0, 0, 1, 1}, kept.songLabels());
        assertEquals(List.of("a1", "c2"), kept.features().stream().map(Sample::songId).toList());
        assertEquals(List.of(0, 1), kept.features().stream().map(Sample::label).toList());
        assertEquals(1, kept.windows().size());
        assertEquals(1, kept.windows().getFirst().label());
        assertArrayEquals(new float[]{4}, kept.windows().getFirst().input());
        assertEquals(List.of("x.wav: unreadable", "class 'b': 1 song(s) (b1), fewer than --min-songs 2; left out with its songs"),
                kept.skipped().stream().map(Skipped::toString).toList());
        assertSame(data, data.withoutClassesBelow(1), "every class has a song");
    }
}
