package org.genrebench.cli;

import org.genrebench.SharedData;
import org.genrebench.feature.FeatureSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesCommunitySchemaPerTrackAndPerChunkAndListsUnreadableFiles() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("blues"));
        Files.copy(SharedData.sampleTrack("blues"), data.resolve("blues/blues.00000.wav"));
        Files.writeString(data.resolve("blues/broken.wav"), "not audio");
        String header = Files.readAllLines(SharedData.featuresCsv()).get(0);
        assertEquals(header, String.join(",", FeatureSchema.tableColumns()));

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Path out = tmp.resolve("out/features.csv");
            // exit status 1: broken.wav was skipped
            assertEquals(1, GenreBench.run("extract", "--data", data.toString(), "--out", out.toString(), "--threads", "2"));
            List<String> lines = Files.readAllLines(out);
            assertEquals(2, lines.size());
            assertEquals(header, lines.get(0));
            String[] row = lines.get(1).split(",");
            assertEquals("blues.00000.wav", row[0]);
            assertEquals("661794", row[1]);
            assertEquals("blues", row[row.length - 1]);
            assertEquals(FeatureSchema.SIZE + 2, row.length);
            assertTrue(captured.toString().contains("broken.wav"), captured.toString());

            Path chunks = tmp.resolve("chunks.csv");
            assertEquals(1, GenreBench.run("extract", "--data", data.toString(), "--out", chunks.toString(), "--chunk-seconds", "3"));
            List<String> c = Files.readAllLines(chunks);
            assertEquals(11, c.size());
            assertTrue(c.get(1).startsWith("blues.00000.0.wav,66149,"), c.get(1));
            assertTrue(c.get(10).startsWith("blues.00000.9.wav,66149,"), c.get(10));

            // a clip shorter than one chunk is skipped with its duration, per chunk and per whole track alike (the
            // rule compare and train use too); one of 5 s gives one whole 3-s chunk, and is too short for a 10-s chunk
            org.genrebench.audio.WavWriter.writePcm16(data.resolve("blues/short.wav"),
                    org.genrebench.testutil.TestAudio.tone(440, 2.9, 22_050, 3), 22_050);
            org.genrebench.audio.WavWriter.writePcm16(data.resolve("blues/five.wav"),
                    org.genrebench.testutil.TestAudio.tone(440, 5, 22_050, 4), 22_050);
            for (List<String> chunking : List.of(List.of("--chunk-seconds", "3"), List.<String>of())) {
                captured.reset();
                List<String> args = new java.util.ArrayList<>(List.of("extract", "--data", data.toString(), "--out", chunks.toString()));
                args.addAll(chunking);
                assertEquals(1, GenreBench.run(args.toArray(String[]::new)));
                List<String> withShort = Files.readAllLines(chunks);
                assertEquals(chunking.isEmpty() ? 3 : 12, withShort.size(), withShort.toString());
                assertTrue(withShort.stream().noneMatch(l -> l.startsWith("short")), withShort.toString());
                assertTrue(captured.toString().contains("short.wav: too short: 2.90 s of audio, less than one 3.00 s mel window; skipped"),
                        captured.toString());
            }
            captured.reset();
            assertEquals(1, GenreBench.run("extract", "--data", data.toString(), "--out", chunks.toString(), "--chunk-seconds", "10"));
            assertTrue(captured.toString().contains("five.wav: too short: 5.00 s of audio, less than one 10.00 s feature chunk; skipped"),
                    captured.toString());
            assertTrue(Files.readAllLines(chunks).stream().noneMatch(l -> l.startsWith("five")));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void missingFolderIsAUserError() {
        assertEquals(2, GenreBench.run("extract", "--data", tmp.resolve("nope").toString(), "--out", tmp.resolve("x.csv").toString()));
    }
}
