package org.genrebench.cli;

import org.genrebench.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** mp3, FLAC and Ogg Vorbis files through {@code extract}, {@code compare}, {@code train} and {@code predict}. */
class CompressedAudioCliTest {

    private static Path fixture(String name) {
        try {
            return Path.of(CompressedAudioCliTest.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two genres of three songs in every decoded format (mp3, FLAC, Ogg Vorbis, WAV; no two files with the same bytes,
     * which would be one song), plus an Opus and an M4A file and a 1.5-s mp3 (shorter than one 3-s mel window) that
     * are named and skipped.
     */
    private static Path mixedFormats(Path tmp) throws IOException {
        Path data = tmp.resolve("music");
        String[][] sources = {{"song-22k-mono.mp3", "song-11k-mono-16.flac", "song-44k-stereo.ogg"},
                {"song-44k-stereo.mp3", null, "song-11k-mono-16.wav"}};
        String[] genres = {"hip hop", "jazz"};
        for (int g = 0; g < 2; g++) {
            Files.createDirectories(data.resolve(genres[g]));
            for (int i = 0; i < 3; i++) {
                String src = sources[g][i];
                if (src == null) {
                    TestAudio.writeWav(data.resolve(genres[g]).resolve("Track " + (i + 1) + ".wav"), TestAudio.tone(500, 3.2, 22050, 3), 22050, 1, 16);
                } else {
                    Files.copy(fixture(src), data.resolve(genres[g]).resolve("Track " + (i + 1) + src.substring(src.lastIndexOf('.'))));
                }
            }
        }
        Files.copy(fixture("tone.opus"), data.resolve("jazz/voice memo.opus"));
        Files.copy(fixture("tone.m4a"), data.resolve("jazz/from phone.m4a"));
        Files.copy(fixture("tone-22k-mono.mp3"), data.resolve("jazz/intro.mp3"));
        return data;
    }

    private static final String TOO_SHORT = "(?s).*intro\\.mp3: too short: 1\\.\\d\\d s of audio, less than one 3\\.00 s mel window; skipped.*";

    private static String stderrOf(Runnable run) {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            run.run();
        } finally {
            System.setErr(err);
        }
        return captured.toString();
    }

    @Test
    void extractReadsEveryFormatAndFlacRowsEqualTheirWav(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("pair");
        Files.createDirectories(data.resolve("rock"));
        Files.copy(fixture("song-11k-mono-16.wav"), data.resolve("rock/a.wav"));
        Files.copy(fixture("song-11k-mono-16.flac"), data.resolve("rock/b.flac"));
        Path csv = tmp.resolve("pair.csv");
        assertEquals(0, GenreBench.run("extract", "--data", data.toString(), "--out", csv.toString(), "--threads", "1"));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size(), String.join("\n", rows));
        // The decoded samples are identical (DecodersTest) and the feature code is deterministic, so the rows are
        // identical after the file name.
        String[] wav = rows.get(1).split(","), flac = rows.get(2).split(",");
        for (int i = 1; i < wav.length; i++) assertEquals(wav[i], flac[i], "column " + i);

        Path all = tmp.resolve("all.csv");
        Path mixed = mixedFormats(tmp);
        int[] code = new int[1];
        String console = stderrOf(() -> code[0] = GenreBench.run("extract", "--data", mixed.toString(), "--out", all.toString()));
        assertEquals(1, code[0], "status 1: the Opus, M4A and too short files were left out");
        assertTrue(console.matches(TOO_SHORT), console);
        assertEquals(1 + 6, Files.readAllLines(all).size());
    }

    @Test
    void compareTrainAndPredictOnMp3FlacAndOgg(@TempDir Path tmp) throws IOException {
        Path data = mixedFormats(tmp);
        CompareCommandTest.Run r = CompareCommandTest.cli("compare", "--data", data.toString(), "--models", "logreg", "--folds", "3",
                "--chunk-seconds", "0", "--data-root", tmp.resolve("root").toString(), "--out", tmp.resolve("results").toString());
        assertEquals(1, r.code(), "finished, with files left out: " + r.err() + r.out());
        assertTrue(r.out().contains("6 songs, 2 classes"), r.out());
        assertTrue(r.out().contains("voice memo.opus: Opus (.opus) is not supported; convert it, e.g. ffmpeg -i 'voice memo.opus' 'voice memo.flac'"), r.out());
        assertTrue(r.out().contains("from phone.m4a: MPEG-4 audio (AAC or ALAC, .m4a) is not supported"), r.out());
        assertTrue(r.out().matches(TOO_SHORT), r.out());

        Path model = tmp.resolve("logreg.model");
        r = CompareCommandTest.cli("train", "--model", "logreg", "--data", data.toString(), "--chunk-seconds", "0",
                "--cache", tmp.resolve("cache").toString(), "--save", model.toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue((r.out() + r.err()).matches(TOO_SHORT), r.out() + r.err());
        assertTrue(Files.isRegularFile(model));
        r = CompareCommandTest.cli("predict", "--model", model.toString(), fixture("song-44k-stereo.mp3").toString(),
                fixture("song-44k-stereo.ogg").toString(), fixture("song-11k-mono-16.flac").toString(), fixture("tone.opus").toString());
        assertEquals(1, r.code(), "one of four files is not decoded: " + r.err() + r.out());
        for (String f : List.of("song-44k-stereo.mp3: ", "song-44k-stereo.ogg: ", "song-11k-mono-16.flac: ")) {
            assertTrue(r.out().matches("(?s).*" + java.util.regex.Pattern.quote(f) + "(hip hop|jazz) \\d\\.\\d{3}.*"), f + " in\n" + r.out());
        }
        assertTrue(r.err().contains("tone.opus: Opus audio in Ogg is not supported; convert it"), r.err());
    }
}
