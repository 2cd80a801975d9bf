package org.genrebench.audio;

import org.genrebench.testutil.AudioBytes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.genrebench.testutil.AudioBytes.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every malformed input fails with an AudioFormatException whose single-line message names the file. */
class AudioReaderErrorsTest {
    @TempDir
    Path dir;

    private void assertRejected(String name, byte[] content, String expectedProblem) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        assertRejected(file, expectedProblem);
    }

    private static void assertRejected(Path file, String expectedProblem) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expectedProblem), () -> "expected '" + expectedProblem + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void emptyFile() throws IOException {
        assertRejected("empty.wav", new byte[0], "empty file");
    }

    @Test
    void missingFile() {
        assertRejected(dir.resolve("absent.wav"), "no such file");
    }

    @Test
    void truncatedHeaders() throws IOException {
        assertRejected("short.wav", "RIFF\0\0".getBytes(StandardCharsets.US_ASCII), "truncated RIFF header");
        assertRejected("short.au", new byte[]{0x2e, 0x73, 0x6e, 0x64, 0, 0, 0}, "truncated .au header");
        byte[] fmtCut = Arrays.copyOf(wav(1, 1, 22050, 16, new byte[4]), 12 + 8 + 10);
        assertRejected("fmtcut.wav", fmtCut, "truncated fmt chunk");
    }

    @Test
    void notAudio() throws IOException {
        assertRejected("notes.wav", "hello, this is text".getBytes(StandardCharsets.US_ASCII), "not a WAV, AU, FLAC, Ogg Vorbis or MP3 file");
        assertRejected("avi.wav", "RIFF\4\0\0\0AVI ".getBytes(StandardCharsets.US_ASCII), "RIFF file is not WAVE");
    }

    @Test
    void unsupportedEncodings() throws IOException {
        assertRejected("adpcm.wav", wav(2, 1, 22050, 4, new byte[8]), "unsupported WAV encoding (format tag 0x0002");
        assertRejected("pcm12.wav", wav(1, 1, 22050, 12, new byte[8]), "unsupported WAV encoding");
        assertRejected("g722.au", au(23, 1, 8000, new byte[8], 8), "unsupported .au encoding 23");
    }

    @Test
    void missingChunks() throws IOException {
        assertRejected("nofmt.wav", riff(chunk("data", new byte[4], true)), "data chunk comes before the fmt chunk");
        assertRejected("nodata.wav", riff(chunk("fmt ", fmt(1, 1, 22050, 16), true)), "no data chunk");
    }

    @Test
    void zeroSamples() throws IOException {
        assertRejected("silent.wav", wav(1, 1, 22050, 16, new byte[0]), "no audio samples");
        assertRejected("silent.au", au(3, 1, 8000, new byte[0], 0), "no audio samples");
    }

    @Test
    void declaredDataMissingFromTheFile() throws IOException {
        byte[] header = Arrays.copyOf(wav(1, 1, 22050, 16, new byte[1000]), 44 + 1); // less than one frame left
        assertRejected("broken.wav", header, "file ends before the first sample");
    }

    @Test
    void garbageFloats() throws IOException {
        assertRejected("nan.wav", wav(3, 1, 22050, 32, floats(LITTLE_ENDIAN, 0.1f, Float.NaN)), "sample 1 is not a finite number");
        assertRejected("inf.wav", wav(3, 1, 22050, 32, floats(LITTLE_ENDIAN, Float.POSITIVE_INFINITY)), "not a finite number");
    }

    @Test
    void nonPositiveRateOrChannels() throws IOException {
        assertRejected("rate0.wav", wav(1, 1, 0, 16, new byte[4]), "sample rate 0");
        assertRejected("ch0.au", au(3, 0, 8000, new byte[4], 4), "channel count 0");
    }
}
