package org.genrebench.cli;

import org.genrebench.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --data} as every audio command reads it: any folder-per-genre layout, manifests, several sources at once. */
class DataOptionTest {

    /**
     * Two genres × 3 songs with free-form names in one folder; a manifest of two more genres in another, saved with
     * the byte-order mark a spreadsheet writes.
     */
    private static List<Path> twoSources(Path tmp) throws IOException {
        Path folder = tmp.resolve("library");
        String[] names = {"First Song.wav", "b side.wav", "Album/03 - Closing.wav"};
        String[] genres = {"hip hop", "música"};
        for (int g = 0; g < genres.length; g++) {
            for (int i = 0; i < names.length; i++) {
                TestAudio.writeWav(folder.resolve(genres[g]).resolve(names[i]), TestAudio.tone(300 + 700 * g + 30 * i, 3, 22050, g * 10 + i), 22050, 1, 16);
            }
        }
        Path listed = tmp.resolve("listed");
        StringBuilder manifest = new StringBuilder("\uFEFFpath,label,group\n");
        for (int g = 0; g < 2; g++) {
            for (int i = 0; i < 3; i++) {
                String file = "clips/c" + g + i + ".wav";
                TestAudio.writeWav(listed.resolve(file), TestAudio.tone(2000 + 900 * g + 30 * i, 3, 22050, 100 + g * 10 + i), 22050, 1, 16);
                manifest.append(file).append(',').append(g == 0 ? "drone" : "chirp").append(",artist").append(i).append('\n');
            }
        }
        manifest.append("../library/hip hop/First Song.wav,hip hop,\n"); // the same file again: named, counted once
        Files.writeString(listed.resolve("songs.csv"), manifest);
        Files.writeString(folder.resolve("hip hop/cover.jpg"), "not audio");
        return List.of(folder, listed.resolve("songs.csv"));
    }

    @Test
    void compareCombinesAFolderAndAManifest(@TempDir Path tmp) throws IOException {
        List<Path> sources = twoSources(tmp);
        CompareCommandTest.Run r = CompareCommandTest.cli("compare", "--data", sources.get(0).toString(), "--data", sources.get(1).toString(),
                "--models", "knn", "--folds", "3", "--chunk-seconds", "0",
                "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, r.code(), "exit status 1: two inputs were left out\n" + r.err() + r.out());
        assertTrue(r.out().contains("12 songs, 4 classes"), r.out());
        assertTrue(r.out().contains("cover.jpg: not an audio file (.jpg)"), r.out());
        assertTrue(r.out().contains("First Song.wav: this file is already in the dataset"), r.out());
    }

    @Test
    void extractAndTrainReadTheSameDataset(@TempDir Path tmp) throws IOException {
        List<Path> sources = twoSources(tmp);
        Path csv = tmp.resolve("features.csv");
        assertEquals(1, GenreBench.run("extract", "--data", sources.get(0).toString(), "--data", sources.get(1).toString(),
                "--out", csv.toString(), "--threads", "2"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(13, lines.size(), "header + 12 songs:\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("música/Album/03 - Closing.wav,") && l.endsWith(",música")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("clips/c01.wav,") && l.endsWith(",drone")), "manifest rows by their listed path");
        assertEquals(6, lines.stream().filter(l -> l.endsWith(",drone") || l.endsWith(",chirp")).count());

        CompareCommandTest.Run r = CompareCommandTest.cli("train", "--model", "knn", "--data", sources.get(0).toString(),
                "--data", sources.get(1).toString(), "--chunk-seconds", "0", "--cache", tmp.resolve("cache").toString(),
                "--save", tmp.resolve("m.model").toString());
        assertEquals(1, r.code(), "exit status 1: two inputs were left out\n" + r.err() + r.out());
        assertTrue(r.out().contains("trained knn on 12 songs"), r.out());
    }
}
