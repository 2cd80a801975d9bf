package org.genrebench.cli;

import org.genrebench.dataset.FakeFma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code compare --data fma_small} on a fake FMA tree: labels from tracks.csv, the official split, bad clips named. */
class FmaCompareTest {
    @Test
    void officialSplitAndArtistGroupedKFold(@TempDir Path tmp) throws IOException {
        Path audio = FakeFma.write(tmp);
        CompareCommandTest.Run r = CompareCommandTest.cli("compare", "--data", audio.toString(), "--split", "fma",
                "--models", "logreg", "--chunk-seconds", "0",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, r.code(), "finished, with clips left out: " + r.err() + r.out());
        assertTrue(r.out().contains("8 songs, 2 classes"), r.out());
        assertTrue(r.out().contains("099134.mp3: "), "the clip without audio is named:\n" + r.out());
        assertTrue(r.out().contains("001234.mp3: track 001234 has no top-level genre"), r.out());
        String report = Files.readString(tmp.resolve("results/fma_small-fma-split/report.md"));
        assertTrue(report.contains("FMA's official split (training+validation → test)"), report);

        r = CompareCommandTest.cli("compare", "--data", audio.toString(), "--models", "logreg", "--folds", "2",
                "--chunk-seconds", "0", "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("results/fma_small/report.md")), r.out());
    }
}
