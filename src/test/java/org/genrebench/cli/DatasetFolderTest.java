package org.genrebench.cli;

import org.genrebench.dataset.FeatureTable;
import org.genrebench.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.genrebench.cli.BadInputContractTest.assertNoTrace;
import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What a {@code --data} folder holds beyond plain genre folders of audio, as {@code extract} and {@code compare} meet
 * it: each odd entry is named once and skipped (exit status 1), and every song keeps its own folder's label.
 */
class DatasetFolderTest {
    @TempDir
    Path tmp;

    /** Output and exit status of {@code extract}, which reports on the process's standard error. */
    record Extract(int code, String err) {
    }

    static Extract extract(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            List<String> all = new java.util.ArrayList<>(List.of("extract"));
            all.addAll(List.of(args));
            return new Extract(GenreBench.run(all.toArray(String[]::new)), captured.toString());
        } finally {
            System.setErr(err);
        }
    }

    /** {@code jazz} and {@code rock}, three 4-s tones each, named {@code <genre>.0000i.wav}. */
    private Path twoGenres(String name) throws IOException {
        Path dir = tmp.resolve(name);
        String[] genres = {"jazz", "rock"};
        for (int g = 0; g < genres.length; g++) {
            for (int i = 0; i < 3; i++) {
                TestAudio.writeWav(dir.resolve(genres[g]).resolve(String.format("%s.%05d.wav", genres[g], i)),
                        TestAudio.tone(300 + 700 * g + 40 * i, 4, 22050, 10L * g + i), 22050, 1, 16);
            }
        }
        return dir;
    }

    @Test
    void aLinkLoopIsNamedOnceAndLabelsStayRight() throws IOException {
        Path data = twoGenres("set");
        Files.createDirectories(data.resolve("aaa"));
        Files.createSymbolicLink(data.resolve("aaa/loop"), Path.of(".."));
        Path csv = tmp.resolve("set.csv");

        Extract x = extract("--data", data.toString(), "--out", csv.toString(), "--threads", "2");
        assertEquals(1, x.code(), x.err());
        assertNoTrace(x.err());
        assertEquals(1, x.err().lines().filter(l -> l.contains("aaa/loop")).count(), "one line for the loop:\n" + x.err());
        assertTrue(x.err().contains(data.resolve("aaa/loop") + ": symbolic link loop"), x.err());
        assertFalse(x.err().contains("already in the dataset"), x.err());
        FeatureTable table = FeatureTable.read(csv);
        assertEquals(List.of("jazz", "rock"), table.classNames());
        assertEquals(6, table.rows().size());
        for (FeatureTable.Row r : table.rows()) assertTrue(r.id().startsWith(r.label() + "."), r.id() + " labelled " + r.label());

        CompareCommandTest.Run c = cli("compare", "--data", data.toString(), "--models", "knn", "--folds", "3",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, c.code(), c.err() + c.out());
        assertTrue(c.out().contains("6 songs"), c.out());
        assertTrue(c.out().contains("Reports:"), c.out() + c.err());
        assertTrue(Files.readString(tmp.resolve("results/set/report.md")).contains("aaa/loop: symbolic link loop"), c.out());
    }

    @Test
    void theSameAudioUnderAnotherNameIsOneSong() throws IOException {
        Path first = twoGenres("first");
        Path second = tmp.resolve("second");
        Files.createDirectories(second.resolve("jazz"));
        Files.copy(first.resolve("jazz/jazz.00001.wav"), second.resolve("jazz/copy_jazz_00001.wav"));
        Files.copy(first.resolve("rock/rock.00002.wav"), second.resolve("jazz/rock take.wav"));
        TestAudio.writeWav(second.resolve("jazz/new.wav"), TestAudio.tone(500, 4, 22050, 99), 22050, 1, 16);
        Path csv = tmp.resolve("both.csv");

        Extract x = extract("--data", first.toString(), "--data", second.toString(), "--out", csv.toString());
        assertEquals(1, x.code(), x.err());
        assertTrue(x.err().contains(second.resolve("jazz/copy_jazz_00001.wav") + ": duplicate of " + first.resolve("jazz/jazz.00001.wav")
                + " (the same bytes); a second copy would leak across folds, left out"), x.err());
        assertTrue(x.err().contains(second.resolve("jazz/rock take.wav") + ": duplicate of " + first.resolve("rock/rock.00002.wav")), x.err());
        assertEquals(7, FeatureTable.read(csv).rows().size(), "6 songs of the first folder and the one new song");
    }

    @Test
    void filesOfOneNameInTwoAlbumsAreTwoRowsThatCompareReadsBack() throws IOException {
        Path data = tmp.resolve("albums");
        int n = 0;
        for (String genre : List.of("jazz", "rock")) {
            for (String album : List.of("Album A", "Album B")) {
                for (String song : List.of("01 - Track.wav", "02 - Other.wav")) {
                    TestAudio.writeWav(data.resolve(genre).resolve(album).resolve(song),
                            TestAudio.tone(300 + (genre.equals("rock") ? 900 : 0) + 50 * n, 4, 22050, n++), 22050, 1, 16);
                }
            }
        }
        // GTZAN's shape with a word that is not the folder's genre: an ordinary file, not left out
        TestAudio.writeWav(data.resolve("jazz/copy_jazz.00010.wav"), TestAudio.tone(420, 4, 22050, 50), 22050, 1, 16);
        Path csv = tmp.resolve("albums.csv"), chunks = tmp.resolve("albums-3s.csv");

        Extract x = extract("--data", data.toString(), "--out", csv.toString());
        assertEquals(0, x.code(), x.err());
        FeatureTable table = FeatureTable.read(csv);
        assertEquals(9, table.rows().size());
        assertTrue(table.rows().stream().anyMatch(r -> r.id().equals("jazz/Album A/01 - Track")), table.rows().toString());
        assertTrue(table.rows().stream().anyMatch(r -> r.id().equals("jazz/Album B/01 - Track")), table.rows().toString());
        assertTrue(table.rows().stream().anyMatch(r -> r.id().equals("jazz/copy_jazz.00010")), table.rows().toString());
        assertEquals(0, extract("--data", data.toString(), "--out", chunks.toString(), "--chunk-seconds", "1").code());
        FeatureTable chunked = FeatureTable.read(chunks);
        assertEquals(9 * 4, chunked.rows().size(), "four 1-s chunks of each 4-s file");
        assertEquals(9, chunked.rows().stream().map(FeatureTable.Row::songId).distinct().count(), "chunks map back to their file");

        for (Path table2 : List.of(csv, chunks)) {
            CompareCommandTest.Run c = cli("compare", "--features-csv", table2.toString(), "--models", "knn", "--folds", "2",
                    "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
            assertEquals(0, c.code(), c.err() + c.out());
            assertTrue(c.out().contains("9 songs"), c.out());
        }
    }

    @Test
    void aOneSongGenreIsLeftOutWithMinSongsAndNamed() throws IOException {
        Path data = twoGenres("small");
        TestAudio.writeWav(data.resolve("solo/only.wav"), TestAudio.tone(2500, 4, 22050, 77), 22050, 1, 16);
        List<String> args = List.of("compare", "--data", data.toString(), "--models", "knn", "--folds", "2",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());

        CompareCommandTest.Run blocked = cli(args.toArray(String[]::new));
        BadInputContractTest.assertMisuse(blocked, "class 'solo' has 1 song(s), fewer than the 2 folds; add songs, lower --folds,"
                + " or leave such classes out with --min-songs 2");

        List<String> withMin = new java.util.ArrayList<>(args);
        withMin.addAll(List.of("--min-songs", "2"));
        CompareCommandTest.Run r = cli(withMin.toArray(String[]::new));
        assertEquals(1, r.code(), r.err() + r.out());
        assertNoTrace(r.out() + r.err());
        String named = "class 'solo': 1 song(s) (solo/only), fewer than --min-songs 2; left out with its songs";
        assertTrue(r.out().contains("skipped: " + named), r.out());
        assertTrue(r.out().contains("6 songs, 2 classes"), r.out());
        String report = Files.readString(tmp.resolve("results/small/report.md"));
        assertTrue(report.contains("- " + named), report);

        // which classes a run keeps is part of what --resume must match
        List<String> other = new java.util.ArrayList<>(args);
        other.addAll(List.of("--min-songs", "3", "--resume"));
        BadInputContractTest.assertMisuse(cli(other.toArray(String[]::new)), "minSongs 2 (now 3)");
    }
}
