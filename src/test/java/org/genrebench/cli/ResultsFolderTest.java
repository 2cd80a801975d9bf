package org.genrebench.cli;

import org.genrebench.experiment.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.genrebench.cli.BadInputContractTest.assertMisuse;
import static org.genrebench.cli.BadInputContractTest.snapshot;
import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/** Each run in its own folder named after its data, locked while it runs, and resumed only as the same run. */
class ResultsFolderTest {
    @TempDir
    Path tmp;

    private CompareCommandTest.Run compare(Path data, String... more) {
        return compare(3, data, more);
    }

    private CompareCommandTest.Run compare(int folds, Path data, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--data", data.toString(), "--models", "knn",
                "--folds", Integer.toString(folds), "--chunk-seconds", "0", "--data-root", tmp.resolve("root").toString(),
                "--out", tmp.resolve("results").toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void everyDatasetGetsItsOwnFolderAndNoRunOverwritesAnother() throws IOException {
        Path tones = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        Path other = CompareCommandTest.goodDataset(tmp.resolve("elsewhere/tones")); // same name, other data
        Path synth = tmp.resolve("synth");
        assertEquals(0, cli("synth", "--out", synth.toString(), "--genres", "3", "--per-genre", "3", "--seconds", "3.1").code());

        assertEquals(0, compare(tones).code());
        Path first = tmp.resolve("results/tones");
        var firstFiles = snapshot(first);
        assertTrue(firstFiles.containsKey("report.md"), firstFiles.keySet().toString());

        CompareCommandTest.Run second = compare(other);
        assertEquals(0, second.code(), second.err());
        CompareCommandTest.Run third = compare(synth);
        assertEquals(0, third.code(), third.err());
        assertEquals(firstFiles, snapshot(first), "a run of other data changed the first run's folder");
        try (Stream<Path> s = Files.list(tmp.resolve("results"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.contains("synth") && names.contains("tones"), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.matches("tones-[0-9a-f]{8}")), names.toString());
        }
        assertTrue(second.out().contains("tones-"), "the disambiguated folder is printed:\n" + second.out());
    }

    @Test
    void resumeContinuesOnlyTheSameDataAndSettings() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        assertEquals(0, compare(data).code());
        Path runDir = tmp.resolve("results/tones");
        assertEquals(0, compare(data, "--resume").code(), "same data and settings: resumes");

        var before = snapshot(runDir);
        assertMisuse(compare(data, "--resume", "--seed", "7"), "seed 42 (now 7)");
        assertMisuse(compare(2, data, "--resume"), "split 3-fold stratified song-disjoint CV (now 2-fold");
        // the same folder with one file changed in place
        Path song = data.resolve("genres/rock/rock.00001.wav");
        org.genrebench.testutil.TestAudio.writeWav(song, org.genrebench.testutil.TestAudio.tone(1500, 4, 22050, 99), 22050, 1, 16);
        Files.setLastModifiedTime(song, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertMisuse(compare(data, "--resume"), "changed data");
        assertEquals(before, snapshot(runDir), "a refused resume changed the folder");

        // results from before fingerprints existed prove nothing
        Files.delete(runDir.resolve("fingerprint.properties"));
        assertMisuse(compare(data, "--resume"), "without a fingerprint");
        assertEquals(0, compare(data).code(), "without --resume the run starts over");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        assertEquals(0, compare(data).code());
        var before = snapshot(tmp.resolve("results/tones"));
        var fp = RunFolder.Fingerprint.of("a run in progress", List.of(), Map.of());
        // the running one: same folder name, so claim it as the first run does
        try (RunFolder running = RunFolder.claim(tmp.resolve("results"), "tones", n -> n, readFingerprintOf(tmp.resolve("results/tones"), fp), true)) {
            assertEquals(tmp.resolve("results/tones"), running.dir());
            assertMisuse(compare(data), "in use by another run");
        }
        assertEquals(before.keySet(), snapshot(tmp.resolve("results/tones")).keySet());
        assertEquals(0, compare(data).code(), "the lock goes with the run");
    }

    /** The stored fingerprint (so that claiming with resume succeeds), or {@code fallback}. */
    private static RunFolder.Fingerprint readFingerprintOf(Path dir, RunFolder.Fingerprint fallback) throws IOException {
        java.util.Properties p = new java.util.Properties();
        Path f = dir.resolve("fingerprint.properties");
        if (!Files.exists(f)) return fallback;
        try (var in = Files.newBufferedReader(f)) {
            p.load(in);
        }
        Map<String, String> settings = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) if (k.startsWith("setting.")) settings.put(k.substring(8), p.getProperty(k));
        return new RunFolder.Fingerprint(p.getProperty("source"), p.getProperty("contents"), settings);
    }
}
