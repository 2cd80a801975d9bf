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

    /** {@code compare} of {@code data} with knn, 3 folds, whole-track rows; {@code more} adds options or overrides these. */
    private CompareCommandTest.Run compare(int folds, Path data, String... more) {
        java.util.LinkedHashMap<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--data", data.toString());
        options.put("--models", "knn");
        options.put("--folds", Integer.toString(folds));
        options.put("--chunk-seconds", "0");
        options.put("--data-root", tmp.resolve("root").toString());
        options.put("--out", tmp.resolve("results").toString());
        List<String> flags = new java.util.ArrayList<>();
        for (int i = 0; i < more.length; i++) {
            if (i + 1 < more.length && !more[i + 1].startsWith("--")) options.put(more[i], more[++i]);
            else flags.add(more[i]);
        }
        List<String> args = new java.util.ArrayList<>(List.of("compare"));
        options.forEach((k, v) -> args.addAll(List.of(k, v)));
        args.addAll(flags);
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
        assertMisuse(compare(data, "--resume", "--models", "knn,svm"), "models knn (now knn,svm)");
        // an option given at its default is no other setting
        assertEquals(0, compare(data, "--resume", "--width", "8", "--epochs", "30", "--chunk-seconds", "0").code());
        before = snapshot(runDir);
        // one clip replaced by other audio of the same size, its modification time restored (touch -r)
        Path song = data.resolve("genres/rock/rock.00001.wav");
        FileTime stamp = Files.getLastModifiedTime(song);
        long size = Files.size(song);
        // other audio of the same length (new bytes: a copy of another song would be that song's duplicate)
        org.genrebench.testutil.TestAudio.writeWav(song, org.genrebench.testutil.TestAudio.tone(1500, 4, 22050, 99), 22050, 1, 16);
        Files.setLastModifiedTime(song, stamp);
        assertEquals(size, Files.size(song));
        assertMisuse(compare(data, "--resume"), "changed data");
        assertEquals(before, snapshot(runDir), "a refused resume changed the folder");

        // results from before fingerprints existed prove nothing
        Files.delete(runDir.resolve("fingerprint.properties"));
        assertMisuse(compare(data, "--resume"), "without a fingerprint");
        assertEquals(0, compare(data).code(), "without --resume the run starts over");
    }

    /** The results root's entries, hidden ones included. */
    private List<String> resultFolders() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("results"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedRerunLeavesTheFinishedRunAndNoFolderBehind() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        assertEquals(0, compare(data).code());
        Path runDir = tmp.resolve("results/tones");
        var finished = snapshot(runDir);

        // other settings that find no usable song (4-s clips, 20-s chunks): exit 2, after the data was read
        assertMisuse(compare(data, "--chunk-seconds", "20"), "no usable songs");
        // the same settings on data that became unreadable: the rerun is built beside the finished run and fails
        assertEquals(0, compare(CompareCommandTest.goodDataset(tmp.resolve("broken2"))).code());
        var broken2 = snapshot(tmp.resolve("results/broken2"));
        try (Stream<Path> files = Files.walk(tmp.resolve("broken2"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.writeString(f, "not audio any more: " + f.getFileName()); // distinct bytes, no duplicates
        }
        assertMisuse(compare(tmp.resolve("broken2")), "no usable songs");
        assertEquals(broken2, snapshot(tmp.resolve("results/broken2")), "a failed rerun changed the finished run");

        assertEquals(finished, snapshot(runDir), "a failed rerun changed the finished run");
        assertEquals(List.of("broken2", "tones"), resultFolders(), "a failed run left a folder behind");
        // the finished run still resumes, and reuses every fold
        FileTime old = FileTime.fromMillis(86_400_000L);
        for (Path f : listPredictions(runDir)) Files.setLastModifiedTime(f, old);
        assertEquals(0, compare(data, "--resume").code());
        for (Path f : listPredictions(runDir)) assertEquals(old, Files.getLastModifiedTime(f), f + " computed again");

        // a results root that a failed run would have created is not left behind either
        Path elsewhere = tmp.resolve("elsewhere/results");
        assertMisuse(cli("compare", "--data", data.toString(), "--models", "knn", "--folds", "3", "--chunk-seconds", "20",
                "--data-root", tmp.resolve("root").toString(), "--out", elsewhere.toString()), "no usable songs");
        assertFalse(Files.exists(tmp.resolve("elsewhere")), "an empty results root was left behind");
    }

    @Test
    void otherSettingsGetTheirOwnFolderAndTheSameSettingsReplaceTheRunOnlyWhenComplete() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        assertEquals(0, compare(data).code());
        Path runDir = tmp.resolve("results/tones");
        Files.writeString(runDir.resolve("NOTES.md"), "where these songs came from\n");
        var finished = snapshot(runDir);

        CompareCommandTest.Run seven = compare(data, "--seed", "7");
        assertEquals(0, seven.code(), seven.err());
        CompareCommandTest.Run twoModels = compare(data, "--models", "knn,logreg");
        assertEquals(0, twoModels.code(), twoModels.err());
        assertEquals(finished, snapshot(runDir), "a run of other settings changed the finished run");
        List<String> folders = resultFolders();
        assertEquals(3, folders.size(), folders.toString());
        assertTrue(folders.stream().filter(n -> n.matches("tones-[0-9a-f]{8}")).count() == 2, folders.toString());
        assertTrue(seven.out().contains("tones holds a run of seed 42 (now 7); this run goes to "), seven.out());
        assertTrue(twoModels.out().contains("models knn (now knn,logreg)"), twoModels.out());
        // each is a run of its own settings: the seed-7 folder's report says seed 7, and it resumes as such
        String sevenDir = folders.stream().filter(n -> n.startsWith("tones-") && seven.out().contains(n)).findFirst().orElseThrow();
        assertTrue(Files.readString(tmp.resolve("results").resolve(sevenDir).resolve("report.md")).contains("--seed 7"));
        assertEquals(0, compare(data, "--seed", "7", "--resume").code());
        assertEquals(folders, resultFolders());

        // the same settings again: built beside the finished run, then moved into its place; the user's notes stay
        CompareCommandTest.Run again = compare(data);
        assertEquals(0, again.code(), again.err());
        assertEquals(folders, resultFolders(), "nothing hidden left behind");
        assertEquals(finished.get("NOTES.md"), snapshot(runDir).get("NOTES.md"));
        assertTrue(Files.isRegularFile(runDir.resolve("report.md")));
    }

    @Test
    void resumeContinuesAnInterruptedRerun() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        assertEquals(0, compare(data).code());
        Path runDir = tmp.resolve("results/tones");
        // a rerun of the same settings killed after some folds: its folder beside the finished run
        Path next = tmp.resolve("results/.tones.next");
        try (Stream<Path> s = Files.walk(runDir)) {
            for (Path p : s.toList()) {
                Path to = next.resolve(runDir.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.delete(next.resolve("report.md"));
        Files.delete(next.resolve("predictions/knn/fold-2.csv"));
        Files.writeString(next.resolve("predictions/knn/fold-0.meta"), Files.readString(next.resolve("predictions/knn/fold-0.meta"))
                .replaceFirst("fitSeconds=[^\n]*", "fitSeconds=123.0"));
        assertEquals(0, compare(data, "--resume").code());
        assertEquals(List.of("tones"), resultFolders());
        assertTrue(Files.readString(runDir.resolve("predictions/knn/fold-0.meta")).contains("fitSeconds=123.0"),
                "the interrupted rerun's folds were continued and moved into place");
    }

    private static List<Path> listPredictions(Path runDir) throws IOException {
        try (Stream<Path> s = Files.walk(runDir.resolve("predictions"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void labelsWithCommasAndQuotesAreKeptInThePredictionsAndResumed() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        String odd = "rock, \"hard\"";
        StringBuilder manifest = new StringBuilder("path,label\n");
        for (String genre : List.of("blues", "rock", "jazz")) {
            for (int i = 0; i < 3; i++) {
                String label = genre.equals("rock") ? odd : genre;
                manifest.append(data.resolve("genres/" + genre + "/" + genre + ".0000" + i + ".wav")).append(",\"")
                        .append(label.replace("\"", "\"\"")).append("\"\n");
            }
        }
        Path list = Files.writeString(tmp.resolve("list.csv"), manifest);
        CompareCommandTest.Run first = compare(list);
        assertEquals(0, first.code(), first.out() + first.err());
        Path predictions = tmp.resolve("results/list/predictions/knn");
        List<String> labels = new java.util.ArrayList<>();
        for (int f = 0; f < 3; f++) {
            try (var in = Files.newBufferedReader(predictions.resolve("fold-" + f + ".csv"));
                 var parser = org.apache.commons.csv.CSVParser.parse(in, org.apache.commons.csv.CSVFormat.RFC4180.builder()
                         .setHeader().setSkipHeaderRecord(true).get())) {
                assertTrue(parser.getHeaderNames().contains("p_" + odd), parser.getHeaderNames().toString());
                for (var row : parser) labels.add(row.get("label"));
            }
        }
        assertEquals(3, java.util.Collections.frequency(labels, odd), labels.toString());

        // --resume reuses every fold: none is computed (or written) again.
        FileTime old = FileTime.fromMillis(86_400_000L);
        List<Path> files;
        try (Stream<Path> s = Files.list(predictions)) {
            files = s.toList();
        }
        for (Path f : files) Files.setLastModifiedTime(f, old);
        var before = snapshot(tmp.resolve("results/list/predictions"));
        CompareCommandTest.Run resumed = compare(list, "--resume");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        for (Path f : files) assertEquals(old, Files.getLastModifiedTime(f), f + " was computed again");
        assertEquals(before, snapshot(tmp.resolve("results/list/predictions")));
    }

    @Test
    void songIdsWithCommasQuotesAndLineBreaksAreKeptInThePredictionsAndResumed() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        Path rock = data.resolve("genres/rock");
        List<String> names = List.of("Live, at the club", "The \"hard\" take", "two\nlines");
        for (int i = 0; i < names.size(); i++) {
            Files.move(rock.resolve("rock.0000" + i + ".wav"), rock.resolve(names.get(i) + ".wav"));
        }
        CompareCommandTest.Run first = compare(data);
        assertEquals(0, first.code(), first.out() + first.err());
        Path predictions = tmp.resolve("results/tones/predictions/knn");
        java.util.Set<String> songs = new java.util.TreeSet<>();
        for (int f = 0; f < 3; f++) {
            try (var in = Files.newBufferedReader(predictions.resolve("fold-" + f + ".csv"));
                 var parser = org.apache.commons.csv.CSVParser.parse(in, org.apache.commons.csv.CSVFormat.RFC4180.builder()
                         .setHeader().setSkipHeaderRecord(true).get())) {
                for (var row : parser) if (row.get("label").equals("rock")) songs.add(row.get("song"));
            }
        }
        assertEquals(new java.util.TreeSet<>(names.stream().map(n -> "rock/" + n).toList()), songs, "the ids as the files name them");

        FileTime old = FileTime.fromMillis(86_400_000L);
        List<Path> files;
        try (Stream<Path> s = Files.list(predictions)) {
            files = s.toList();
        }
        for (Path f : files) Files.setLastModifiedTime(f, old);
        CompareCommandTest.Run resumed = compare(data, "--resume");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        for (Path f : files) assertEquals(old, Files.getLastModifiedTime(f), f + " was computed again");
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
