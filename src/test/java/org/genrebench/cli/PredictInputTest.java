package org.genrebench.cli;

import org.genrebench.testutil.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.genrebench.cli.BadInputContractTest.assertNoTrace;
import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/** {@code predict} on inputs that are not plain, whole audio files: each is named, none is opened blindly. */
class PredictInputTest {
    @TempDir
    static Path tmp;
    static Path model, good;

    @BeforeAll
    static void trainedModel() throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        model = tmp.resolve("knn.model");
        CompareCommandTest.Run r = cli("train", "--model", "knn", "--data", data.toString(), "--cache", tmp.resolve("cache").toString(),
                "--save", model.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        good = tmp.resolve("good.wav");
        TestAudio.writeWav(good, TestAudio.tone(700, 4, 22050, 5), 22050, 1, 16);
    }

    @Test
    void aFifoIsNamedAndNeverOpened() throws Exception {
        Path fifo = org.genrebench.testutil.Fifo.make(tmp.resolve("stream.wav"));
        CompareCommandTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cli("predict", "--model", model.toString(), good.toString(), fifo.toString()), "predict blocked on the FIFO");
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith(good + ": "), r.out());
        assertEquals("skipped: cannot read audio file " + fifo + ": not a regular file (a FIFO, socket or device); not opened",
                r.err().strip(), r.err());
    }

    @Test
    void aFolderNamedLikeAudioIsNamed() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("x.wav"));
        CompareCommandTest.Run r = cli("predict", "--model", model.toString(), good.toString(), folder.toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertEquals("skipped: cannot read audio file " + folder + ": a folder, not an audio file", r.err().strip(), r.err());
    }

    @Test
    void aTruncatedFileIsPredictedAndNamedAsTruncated() throws IOException {
        // 8 s declared, 6.8 s present: used, as compare and extract use it, and named as they name it
        Path whole = tmp.resolve("whole.wav"), cut = tmp.resolve("cut.wav");
        TestAudio.writeWav(whole, TestAudio.tone(700, 8, 22050, 6), 22050, 1, 16);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, Arrays.copyOf(bytes, 44 + (bytes.length - 44) * 17 / 20));
        CompareCommandTest.Run r = cli("predict", "--model", model.toString(), cut.toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertNoTrace(r.out() + r.err());
        assertTrue(r.out().startsWith(cut + ": "), r.out());
        assertTrue(r.err().strip().matches(java.util.regex.Pattern.quote(cut.toString())
                + ": truncated: the header declares 8\\.00 s.*; used the 6\\.80 s present"), r.err());
        assertEquals(0, cli("predict", "--model", model.toString(), whole.toString()).code(), "the whole file: status 0");
    }
}
