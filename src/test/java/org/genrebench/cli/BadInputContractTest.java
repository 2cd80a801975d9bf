package org.genrebench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The bad-input contract, one case per misuse: exit status 2 with exactly one {@code error:} line naming the problem,
 * no usage dump, no stack trace or Java class name, and no earlier result touched. Each case runs against a results
 * folder that already holds a finished run.
 */
class BadInputContractTest {
    @TempDir
    static Path tmp;
    static Path data, results, root, aFile, manifest, trackLink, nanTable;
    static TreeMap<String, String> before, dataBefore;

    @BeforeAll
    static void oneGoodRun() throws IOException {
        data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        results = tmp.resolve("results");
        root = tmp.resolve("root");
        aFile = Files.writeString(tmp.resolve("a-file.txt"), "not a folder\n");
        // the shipped table's header and two rows, the second with NaN in its fourth column
        List<String> lines = Files.readAllLines(Path.of("data/features_30_sec.csv")).subList(0, 3);
        String[] cells = lines.get(2).split(",");
        cells[3] = "NaN";
        nanTable = Files.writeString(tmp.resolve("nan.csv"), lines.get(0) + "\n" + lines.get(1) + "\n" + String.join(",", cells) + "\n");
        Files.createDirectories(root.resolve("splits"));
        try (Stream<Path> lists = Files.list(Path.of("data/splits"))) {
            for (Path l : lists.toList()) Files.copy(l, root.resolve("splits").resolve(l.getFileName()));
        }
        CompareCommandTest.Run ok = cli("compare", "--data", data.toString(), "--models", "knn", "--folds", "3",
                "--data-root", root.toString(), "--out", results.toString());
        assertEquals(0, ok.code(), ok.err());
        before = snapshot(results);
        assertFalse(before.isEmpty());
        StringBuilder rows = new StringBuilder("path,label\n");
        for (String genre : List.of("blues", "rock", "jazz")) {
            for (int i = 0; i < 3; i++) rows.append("genres/").append(genre).append('/').append(genre).append(".0000").append(i).append(".wav,").append(genre).append('\n');
        }
        manifest = Files.writeString(data.resolve("list.csv"), rows);
        trackLink = Files.createSymbolicLink(tmp.resolve("song-link"), data.resolve("genres/rock/rock.00000.wav"));
        dataBefore = snapshot(data);
    }

    /** A misuse: arguments and a phrase its error line must contain. */
    record Misuse(String expected, List<String> args) {
        static Misuse of(String expected, String... args) {
            return new Misuse(expected, List.of(args));
        }

        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Misuse> misuses() {
        String d = data.toString(), out = results.toString(), r = root.toString();
        List<Misuse> m = new ArrayList<>();
        // picocli's own parse errors: one line, no usage, no class name
        m.add(Misuse.of("--folds", "compare", "--folds", "abc", "--out", out));
        m.add(Misuse.of("kfold, fault-filtered, song-holdout[:N], chunk-shuffle or fma", "compare", "--split", "random", "--out", out));
        m.add(Misuse.of("--no-such-option", "compare", "--no-such-option", "--out", out));
        m.add(Misuse.of("--url", "download", "gtzan", "--to", tmp.resolve("dl").toString(), "--url", "http://bad host/x"));
        m.add(Misuse.of("--url notaurl is not a web address", "download", "gtzan", "--to", tmp.resolve("dl").toString(), "--url", "notaurl"));
        m.add(Misuse.of("--url ftp://example.org/genres.tar.gz is not a web address", "download", "gtzan", "--to",
                tmp.resolve("dl").toString(), "--url", "ftp://example.org/genres.tar.gz"));
        m.add(Misuse.of("names no host", "download", "gtzan", "--to", tmp.resolve("dl").toString(), "--url", "http:///genres.tar.gz"));
        // numbers out of range
        for (String s : List.of("-3", "NaN", "0.001", "Infinity")) {
            m.add(Misuse.of("--chunk-seconds", "compare", "--data", d, "--chunk-seconds", s, "--data-root", r, "--out", out));
        }
        m.add(Misuse.of("--chunk-seconds", "extract", "--data", d, "--out", tmp.resolve("x.csv").toString(), "--chunk-seconds", "0"));
        m.add(Misuse.of("--epochs", "compare", "--data", d, "--epochs", "0", "--data-root", r, "--out", out));
        m.add(Misuse.of("--batch-size", "compare", "--data", d, "--batch-size", "0", "--data-root", r, "--out", out));
        m.add(Misuse.of("--folds", "compare", "--data", d, "--folds", "1", "--data-root", r, "--out", out));
        m.add(Misuse.of("--threads", "compare", "--data", d, "--threads", "0", "--data-root", r, "--out", out));
        m.add(Misuse.of("--min-songs", "compare", "--data", d, "--min-songs", "0", "--data-root", r, "--out", out));
        m.add(Misuse.of("--epochs", "train", "--model", "cnn", "--data", d, "--epochs", "0", "--save", tmp.resolve("m").toString()));
        m.add(Misuse.of("--top", "predict", "--model", aFile.toString(), "--top", "0", aFile.toString()));
        m.add(Misuse.of("--attempts", "download", "gtzan", "--to", tmp.resolve("dl").toString(), "--attempts", "0"));
        // model lists
        m.add(Misuse.of("--models", "compare", "--data", d, "--models=,", "--data-root", r, "--out", out));
        m.add(Misuse.of("twice", "compare", "--data", d, "--models", "knn,knn", "--data-root", r, "--out", out));
        m.add(Misuse.of("empty name", "compare", "--data", d, "--models", "knn,,svm", "--data-root", r, "--out", out));
        m.add(Misuse.of("resnet", "train", "--model", "resnet", "--data", d, "--save", tmp.resolve("m").toString()));
        // options that exclude each other, data that does not fit the protocol
        m.add(Misuse.of("alternatives", "compare", "--data", d, "--features-csv", aFile.toString(), "--out", out));
        m.add(Misuse.of("fewer than the 5 folds", "compare", "--data", d, "--models", "knn", "--data-root", r, "--out", out));
        m.add(Misuse.of("defined on GTZAN", "compare", "--data", d, "--models", "knn", "--split", "fault-filtered",
                "--data-root", r, "--out", out));
        m.add(Misuse.of("song-holdout 3 needs more than 3 songs in every genre", "compare", "--data", d, "--models", "knn",
                "--split", "song-holdout:3", "--data-root", r, "--out", out));
        m.add(Misuse.of("--split fma needs songs on both sides", "compare", "--data", d, "--models", "knn", "--split", "fma",
                "--data-root", r, "--out", out));
        // places that cannot be written, found before any work
        m.add(Misuse.of("is a file", "compare", "--data", d, "--models", "knn", "--folds", "3", "--data-root", r,
                "--out", aFile.toString()));
        m.add(Misuse.of("/proc", "compare", "--data", d, "--models", "knn", "--folds", "3", "--data-root", r,
                "--out", "/proc/genrebench-results"));
        m.add(Misuse.of("is a folder", "train", "--model", "knn", "--data", d, "--save", tmp.toString()));
        m.add(Misuse.of("/proc", "train", "--model", "knn", "--data", d, "--save", "/proc/genrebench.model"));
        m.add(Misuse.of("a-file.txt", "train", "--model", "knn", "--data", d, "--save", aFile.resolve("m.model").toString()));
        m.add(Misuse.of("/proc", "extract", "--data", d, "--out", "/proc/features.csv"));
        m.add(Misuse.of("is a file", "synth", "--out", aFile.toString(), "--per-genre", "1", "--seconds", "1"));
        // outputs that would overwrite the user's audio or manifest
        String track = data.resolve("genres/rock/rock.00000.wav").toString(), list = manifest.toString();
        m.add(Misuse.of("is named as an audio file (.wav) and exists", "extract", "--data", d, "--out", track));
        m.add(Misuse.of("is named as an audio file (.wav) and exists", "train", "--model", "knn", "--data", d, "--save", track));
        m.add(Misuse.of("is named as an audio file (.mp3)", "extract", "--data", d, "--out", tmp.resolve("new.mp3").toString()));
        m.add(Misuse.of("is one of the inputs", "extract", "--data", list, "--out", list));
        m.add(Misuse.of("is one of the inputs", "train", "--model", "knn", "--data", list, "--save", list));
        m.add(Misuse.of("is one of the inputs", "extract", "--data", d, "--out", trackLink.toString()));
        m.add(Misuse.of("is one of the inputs", "train", "--model", "knn", "--data", d, "--save", trackLink.toString()));
        // inputs that are not there
        m.add(Misuse.of("--data", "extract", "--out", tmp.resolve("x.csv").toString()));
        m.add(Misuse.of("--data", "train", "--model", "knn", "--save", tmp.resolve("m").toString()));
        m.add(Misuse.of("nope", "compare", "--data", tmp.resolve("nope").toString(), "--out", out));
        m.add(Misuse.of("nope.csv", "compare", "--features-csv", tmp.resolve("nope.csv").toString(), "--out", out));
        // a malformed cell, quoted as it stands with file, line and column
        m.add(Misuse.of("nan.csv:3: column 4 'chroma_stft_var' is not finite: 'NaN'", "compare", "--features-csv", nanTable.toString(), "--out", out));
        // a host that refuses: the real cause, not a missing .part file
        m.add(Misuse.of("connection refused", "download", "gtzan", "--to", tmp.resolve("dl").toString(), "--attempts", "1",
                "--url", "http://127.0.0.1:9/genres.tar.gz", "--sha256", "0".repeat(64)));
        m.add(Misuse.of("nope.model", "predict", "--model", tmp.resolve("nope.model").toString(), aFile.toString()));
        return m.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void misuseIsOneErrorLineAndExitStatusTwo(Misuse misuse) throws IOException {
        CompareCommandTest.Run run = cli(misuse.args().toArray(String[]::new));
        assertMisuse(run, misuse.expected());
        assertFalse(run.out().contains("mel windows"), "found only after the data was prepared:\n" + run.out());
        assertEquals(before, snapshot(results), "an earlier result changed");
        assertEquals(dataBefore, snapshot(data), "an input file changed");
    }

    @Test
    void readOnlyOutputFolderIsRefusedBeforeAnyWork() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        try {
            assertMisuse(cli("compare", "--data", data.toString(), "--models", "knn", "--folds", "3",
                    "--data-root", root.toString(), "--out", locked.resolve("results").toString()), "locked");
        } finally {
            Files.setPosixFilePermissions(locked, Set.of(PosixFilePermission.values()));
        }
    }

    @Test
    void resultFilesGetTheModeOfAnOrdinaryFile() throws IOException {
        // An ordinary file created here gets 0666 minus the umask; every result file must get the same.
        Path probe = Files.createFile(results.resolve("probe"));
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        try (Stream<Path> files = Files.walk(results)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals(ordinary, Files.getPosixFilePermissions(f), f.toString());
            }
        }
    }

    @Test
    void nestedAndHiddenFoldersMakeNoNewClasses() throws IOException {
        Path lib = tmp.resolve("nested");
        List<String> files = List.of("blues/a.wav", "blues/nested/deeper/b.wav", "rock/c.wav", ".hiddengenre/d.wav");
        for (int i = 0; i < files.size(); i++) {
            org.genrebench.testutil.TestAudio.writeWav(lib.resolve(files.get(i)),
                    org.genrebench.testutil.TestAudio.tone(440 + 100 * i, 3.1, 22050, i), 22050, 1, 16);
        }
        Path csv = tmp.resolve("nested.csv");
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            assertEquals(1, GenreBench.run("extract", "--data", lib.toString(), "--out", csv.toString()), "the hidden folder is left out");
        } finally {
            System.setErr(err);
        }
        var table = org.genrebench.dataset.FeatureTable.read(csv);
        assertEquals(List.of("blues", "rock"), table.classNames());
        assertEquals(3, table.rows().size());
    }

    static void assertMisuse(CompareCommandTest.Run run, String expected) {
        String all = run.out() + run.err();
        assertEquals(2, run.code(), () -> "exit status 2 expected:\n" + all);
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(1, lines.size(), () -> "exactly one line on stderr:\n" + run.err());
        assertTrue(lines.getFirst().startsWith("error: "), lines.getFirst());
        assertTrue(lines.getFirst().contains(expected), () -> "'" + expected + "' not named in: " + lines.getFirst());
        assertNoTrace(all);
    }

    /** No stack trace, no usage dump, no Java class name in what a user sees. */
    static void assertNoTrace(String text) {
        assertFalse(text.contains("\tat ") || text.contains("Exception") || text.contains("Usage:"), text);
        assertFalse(text.matches("(?s).*\\b(java|org|picocli)\\.[a-z]+\\.[A-Z]\\w+.*"), text);
    }

    /** Every file under {@code dir} with its content hash (the lock file, which records who holds it, aside). */
    static TreeMap<String, String> snapshot(Path dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) return files;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".lock")).toList()) {
                try {
                    files.put(dir.relativize(f).toString(),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return files;
    }
}
