package org.genrebench.split;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultFilteredSplitTest {

    @Test
    void realListsAreDisjointWithPublishedSizes() {
        Path dir = Path.of("data/splits");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir));
        FaultFilteredSplit s = FaultFilteredSplit.read(dir);
        assertEquals(443, s.train().size());
        assertEquals(197, s.valid().size());
        assertEquals(290, s.test().size());
        assertTrue(s.train().stream().noneMatch(x -> s.test().contains(x) || s.valid().contains(x)));
    }

    @Test
    void aGtzanSubsetWithTwentySongsOnEachSideIsAcceptedAndAFewFilesAreNot() {
        Path dir = Path.of("data/splits");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir));
        FaultFilteredSplit s = FaultFilteredSplit.read(dir);
        // songs 0-33 of classical, jazz and rock: the real 3-genre set of results/gtzan-real-3genre-fault-filtered
        List<String> threeGenres = new java.util.ArrayList<>();
        for (String g : List.of("classical", "jazz", "rock"))
            for (int i = 0; i <= 33; i++) threeGenres.add(String.format("%s.%05d", g, i));
        s.requireGtzan("three genres", threeGenres);
        assertTrue(s.coverage(threeGenres).endsWith(" of the 930 listed songs"), s.coverage(threeGenres));
        List<String> tenSongs = threeGenres.subList(0, 10);
        UserException e = assertThrows(UserException.class, () -> s.requireGtzan("ten songs", tenSongs));
        assertTrue(e.getMessage().contains("defined on GTZAN") && e.getMessage().contains("at least 20"), e.getMessage());
    }

    @Test
    void foldTrainsOnTrainPlusValidAndDropsUnlistedSongs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train_filtered.txt"), "blues/blues.00001.wav\n");
        Files.writeString(dir.resolve("valid_filtered.txt"), "blues/blues.00002.wav\n");
        Files.writeString(dir.resolve("test_filtered.txt"), "rock/rock.00003.wav\n");
        Fold f = FaultFilteredSplit.read(dir).fold(List.of("blues.00001", "blues.00002", "rock.00003", "rock.00009", "rock.00003"));
        assertArrayEquals(new int[]{0, 1}, f.train());
        assertArrayEquals(new int[]{2, 4}, f.test());
    }

    @Test
    void missingListIsAUserError(@TempDir Path dir) {
        assertTrue(assertThrows(UserException.class, () -> FaultFilteredSplit.read(dir)).getMessage().contains("train_filtered.txt"));
    }
}
