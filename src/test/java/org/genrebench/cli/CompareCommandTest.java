package org.genrebench.cli;

import org.genrebench.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code compare} as a user meets it: bad input, misuse, caching and resuming, through the real CLI. */
class CompareCommandTest {

    /** Output and exit code of one CLI call. */
    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Three genres × 3 good songs each (tones at distinct pitches), 4 s, in GTZAN layout. */
    static Path goodDataset(Path root) throws IOException {
        String[] genres = {"blues", "rock", "jazz"};
        for (int g = 0; g < genres.length; g++) {
            for (int i = 0; i < 3; i++) {
                Path f = root.resolve("genres").resolve(genres[g]).resolve(String.format("%s.%05d.wav", genres[g], i));
                TestAudio.writeWav(f, TestAudio.tone(220 * (g * 3 + 1) + 20 * i, 4, 22050, 31L * g + i), 22050, 1, 16);
            }
        }
        return root;
    }

    @Test
    void tuningRunsOnASmallSet(@TempDir Path tmp) throws IOException {
        // 9 songs, 2 outer folds: the inner folds of --tune hold 4-5 rows of three genres, fewer than knn's largest k,
        // and few enough for a tree's out-of-bag rows to hold exactly two genres.
        Path data = goodDataset(tmp.resolve("tones"));
        Run r = cli("compare", "--data", data.toString(), "--models", "rf,vote", "--tune", "--folds", "2", "--chunk-seconds", "0",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String report = Files.readString(tmp.resolve("results/tones-tuned/report.md"));
        assertTrue(report.contains("| rf ") && report.contains("| vote "), report);
    }

    @Test
    void badInputIsSkippedAndReportedAndTheRunFinishes(@TempDir Path tmp) throws IOException {
        Path data = goodDataset(tmp.resolve("gtzan"));
        Path blues = data.resolve("genres/blues"), rock = data.resolve("genres/rock");
        // Unreadable: corrupt bytes, an empty file, a header cut short, text that claims to be audio.
        Files.write(blues.resolve("blues.00010.wav"), "RIFF\u0000\u0000\u0000\u0000WAVEjunkjunkjunk".getBytes());
        Files.write(blues.resolve("blues.00011.wav"), new byte[0]);
        Files.write(rock.resolve("rock.00010.wav"), java.util.Arrays.copyOf(Files.readAllBytes(rock.resolve("rock.00000.wav")), 30));
        Files.writeString(rock.resolve("rock.00011.wav"), "this is not audio\n");
        Files.writeString(rock.resolve("notes.txt"), "not a track\n");
        // Readable after conversion: stereo, 8-bit, 48 kHz, 3.1 s (just over one 3-s mel window).
        TestAudio.writeWav(blues.resolve("blues.00020.wav"), TestAudio.tone(250, 4, 22050, 7), 22050, 2, 16);
        TestAudio.writeWav(rock.resolve("rock.00020.wav"), TestAudio.tone(1900, 4, 22050, 8), 22050, 1, 8);
        TestAudio.writeWav(blues.resolve("blues.00021.wav"), TestAudio.tone(260, 4, 48000, 9), 48000, 1, 16);
        TestAudio.writeWav(rock.resolve("rock.00021.wav"), TestAudio.tone(2000, 3.1, 22050, 10), 22050, 1, 16);
        // Readable but shorter than one 3-s window: skipped, not padded.
        TestAudio.writeWav(rock.resolve("rock.00022.wav"), TestAudio.tone(2050, 2.5, 44100, 11), 44100, 1, 16);

        Run r = cli("compare", "--data", data.toString(), "--models", "knn,logreg", "--folds", "2",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, r.code(), "exit status 1: inputs were skipped\n" + r.err());
        assertTrue(r.out().contains("13 songs"), "the 9 good and 4 converted files are used:\n" + r.out());
        String report = Files.readString(tmp.resolve("results/gtzan/report.md"));
        String skipped = report.substring(report.indexOf("## Skipped inputs"));
        assertTrue(r.out().contains("rock.00022.wav: too short: 2.50 s of audio, less than one 3.00 s mel window; skipped"), r.out());
        for (String bad : List.of("blues.00010.wav", "blues.00011.wav", "rock.00010.wav", "rock.00011.wav", "notes.txt", "rock.00022.wav")) {
            assertTrue(skipped.contains(bad), bad + " missing from the report's skipped list:\n" + skipped);
            assertTrue(r.out().contains(bad), bad + " not named on the console");
        }
        for (String used : List.of("blues.00020", "rock.00020", "blues.00021", "rock.00021")) {
            assertFalse(skipped.contains(used), used + " should have been converted and used");
        }
    }

    @Test
    void misuseGetsOneClearSentence(@TempDir Path tmp) throws IOException {
        Run missing = cli("compare", "--data", tmp.resolve("nope").toString(), "--out", tmp.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("nope"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), "one line, no stack trace:\n" + missing.err());

        Path empty = Files.createDirectories(tmp.resolve("empty/genres"));
        Run none = cli("compare", "--data", empty.getParent().toString(), "--out", tmp.toString());
        assertEquals(2, none.code(), none.err());

        Run fewSongs = cli("compare", "--data", goodDataset(tmp.resolve("small")).toString(), "--models", "knn",
                "--folds", "5", "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("r").toString());
        assertEquals(2, fewSongs.code());
        assertTrue(fewSongs.err().contains("fewer than the 5 folds"), fewSongs.err());

        Path csv = Files.writeString(tmp.resolve("bad.csv"), "filename,a,label\nblues.00000.wav,oops,blues\n");
        Run malformed = cli("compare", "--features-csv", csv.toString(), "--out", tmp.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("bad.csv"), malformed.err());

        Run unknown = cli("compare", "--models", "svm,resnet", "--out", tmp.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("resnet"), unknown.err());
    }

    @Test
    void secondRunReusesTheCacheAndResumeGivesTheSameTable(@TempDir Path tmp) throws IOException {
        Path data = goodDataset(tmp.resolve("gtzan"));
        String[] args = {"compare", "--data", data.toString(), "--models", "knn,svm,logreg", "--folds", "3",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString()};
        assertEquals(0, cli(args).code());
        Path runDir = tmp.resolve("results/gtzan");
        String first = summaryScores(runDir);
        long cached = countFiles(tmp.resolve("root/cache"));
        assertTrue(cached >= 6, "every track's features cached, found " + cached);

        // Interrupted run: the report never got written and the last model's last folds are missing.
        Files.delete(runDir.resolve("report.md"));
        Files.delete(runDir.resolve("summary.json"));
        List<Path> svmFolds = listFiles(runDir.resolve("predictions/svm"));
        for (Path p : svmFolds) if (p.getFileName().toString().startsWith("fold-2")) Files.delete(p);
        List<String> withResume = new ArrayList<>(List.of(args));
        withResume.add("--resume");
        Run resumed = cli(withResume.toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(first, summaryScores(runDir), "resumed run must give the same table");
        assertEquals(cached, countFiles(tmp.resolve("root/cache")), "no new cache entries on the second run");
    }

    @Test
    void repeatsDrawNewFoldsEachKeyedInTheResumeCache(@TempDir Path tmp) throws IOException {
        Path data = goodDataset(tmp.resolve("gtzan"));
        String[] args = {"compare", "--data", data.toString(), "--models", "knn,logreg", "--folds", "3", "--repeats", "2",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString()};
        assertEquals(0, cli(args).code());
        Path runDir = tmp.resolve("results/gtzan-r2");
        for (int i = 0; i < 6; i++) assertTrue(Files.isRegularFile(runDir.resolve("predictions/knn/fold-" + i + ".csv")), "fold " + i);
        List<String> csv = Files.readAllLines(runDir.resolve("summary.csv"));
        assertEquals(1 + 2 * 6, csv.size(), "header + 2 models × 2 repeats × 3 folds");
        assertTrue(csv.get(4).contains(",knn,classical,1,0,"), csv.get(4));
        // repeat 1 is a new draw: its first fold tests other songs than repeat 0's
        assertNotEquals(songsOf(runDir.resolve("predictions/knn/fold-0.csv")), songsOf(runDir.resolve("predictions/knn/fold-3.csv")));
        String report = Files.readString(runDir.resolve("report.md"));
        assertTrue(report.contains("2 repeats"), report);
        assertTrue(report.contains("95 % CI (corrected)") && report.contains("### All pairs") && report.contains("cd-diagram.png"));
        assertTrue(Files.isRegularFile(runDir.resolve("cd-diagram.png")));

        String first = summaryScores(runDir);
        for (Path p : listFiles(runDir.resolve("predictions/logreg"))) if (p.getFileName().toString().startsWith("fold-4")) Files.delete(p);
        List<String> withResume = new ArrayList<>(List.of(args));
        withResume.add("--resume");
        assertEquals(0, cli(withResume.toArray(String[]::new)).code());
        assertEquals(first, summaryScores(runDir), "resuming repeat 1 gives the same table");
    }

    @Test
    void chunkShuffleReportCarriesTheLeakWarning(@TempDir Path tmp) throws IOException {
        Path data = goodDataset(tmp.resolve("gtzan"));
        Run run = cli("compare", "--data", data.toString(), "--models", "knn", "--protocol", "chunk-shuffle",
                "--chunk-seconds", "1", "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(0, run.code(), run.err());
        String report = Files.readString(tmp.resolve("results/gtzan-chunk-shuffle/report.md"));
        assertTrue(report.contains("**Warning:** LEAKY PROTOCOL"), report);
        Run bad = cli("compare", "--data", data.toString(), "--protocol", "shuffle", "--out", tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--protocol"), bad.err());
    }

    private static java.util.Set<String> songsOf(Path predictions) throws IOException {
        return Files.readAllLines(predictions).stream().skip(1).map(l -> l.split(",")[1]).collect(java.util.stream.Collectors.toSet());
    }

    /** The accuracy and macro-F1 figures of summary.json (timings excluded: they differ run to run). */
    private static String summaryScores(Path runDir) throws IOException {
        String json = Files.readString(runDir.resolve("summary.json"));
        Matcher m = Pattern.compile("\"(accuracy_per_fold|macro_f1_per_fold|name)\"\\s*:\\s*(\\[[^]]*]|\"[^\"]*\")").matcher(json);
        StringBuilder sb = new StringBuilder();
        while (m.find()) sb.append(m.group(1)).append('=').append(m.group(2).replaceAll("\\s", "")).append('\n');
        assertFalse(sb.isEmpty(), "no scores in summary.json");
        return sb.toString();
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void foldsThatAllRankAlikeGetTheExactFriedmanP(@TempDir Path tmp) throws IOException {
        // svm beats knn in each of the 5 folds of the shipped table: exact p = 2 / 2^5, not F_F = Infinity, p < 0.0001
        Run r = cli("compare", "--features-csv", "data/features_30_sec.csv", "--models", "knn,svm",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(0, r.code(), r.err());
        String report = Files.readString(tmp.resolve("results/gtzan-features-30s/report.md"));
        assertTrue(report.contains("χ²_F = 5.00, Iman–Davenport F_F unbounded (every fold ranks the models alike), p = 0.0625 (exact"), report);
        assertFalse(report.contains("Infinity"), report);
        String json = Files.readString(tmp.resolve("results/gtzan-features-30s/summary.json"));
        assertTrue(json.contains("\"p_value\": 0.0625") && json.contains("\"p_method\": \"exact\""), json);
    }
}
