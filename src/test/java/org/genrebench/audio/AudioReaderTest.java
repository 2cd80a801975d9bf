package org.genrebench.audio;

import org.genrebench.testutil.AudioBytes;

import org.genrebench.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.genrebench.testutil.AudioBytes.*;
import static org.junit.jupiter.api.Assertions.*;

class AudioReaderTest {
    @TempDir
    Path dir;

    private AudioClip readBytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return AudioReader.read(file);
    }

    private static void assertSamples(float[] expected, AudioClip clip, float tolerance) {
        assertEquals(expected.length, clip.samples().length, "sample count");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], clip.samples()[i], tolerance, "sample " + i);
        }
    }

    @Test
    void sharedGtzanTracksHaveTheLengthsOfTheCommunityTable() throws IOException {
        Map<String, Integer> lengths = new HashMap<>();
        for (String line : Files.readAllLines(SharedData.featuresCsv())) {
            String[] cols = line.split(",", 3);
            if (cols[0].endsWith(".00000.au")) lengths.put(cols[0].substring(0, cols[0].indexOf('.')), Integer.parseInt(cols[1]));
        }
        for (String genre : List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock")) {
            AudioClip clip = AudioReader.read(SharedData.sampleTrack(genre));
            assertEquals(22050, clip.sampleRate(), genre);
            assertEquals(lengths.get(genre), clip.samples().length, genre);
            float peak = 0;
            for (float s : clip.samples()) peak = Math.max(peak, Math.abs(s));
            assertTrue(peak > 0.05 && peak <= 1, genre + " peak " + peak);
        }
    }

    @Test
    void wavPcm8IsUnsignedWithOffset128() throws IOException {
        AudioClip clip = readBytes("u8.wav", wav(1, 1, 8000, 8, new byte[]{(byte) 128, (byte) 192, 64, 0, (byte) 255}));
        assertEquals(8000, clip.sampleRate());
        assertSamples(new float[]{0, 0.5f, -0.5f, -1, 127 / 128f}, clip, 0);
    }

    @Test
    void wavPcm16And24And32AreSignedLittleEndian() throws IOException {
        float[] expected = {0, 0.5f, -0.5f, -1, 0.25f};
        assertSamples(expected, readBytes("s16.wav", wav(1, 1, 22050, 16, ints(LITTLE_ENDIAN, 2, 0, 16384, -16384, -32768, 8192))), 0);
        assertSamples(expected, readBytes("s24.wav", wav(1, 1, 22050, 24, ints(LITTLE_ENDIAN, 3, 0, 1 << 22, -(1 << 22), -(1 << 23), 1 << 21))), 0);
        assertSamples(expected, readBytes("s32.wav", wav(1, 1, 22050, 32, ints(LITTLE_ENDIAN, 4, 0, 1L << 30, -(1L << 30), -(1L << 31), 1L << 29))), 0);
    }

    @Test
    void wavFloat32And64AreReadUnchanged() throws IOException {
        float[] expected = {0, 0.123f, -0.75f, 1.5f};
        assertSamples(expected, readBytes("f32.wav", wav(3, 1, 44100, 32, floats(LITTLE_ENDIAN, expected))), 0);
        assertSamples(expected, readBytes("f64.wav", wav(3, 1, 44100, 64, doubles(LITTLE_ENDIAN, 0, 0.123f, -0.75f, 1.5f))), 0);
    }

    @Test
    void wavExtensibleUsesTheSubFormat() throws IOException {
        byte[] pcm24 = riff(chunk("fmt ", fmtExtensible(1, 1, 48000, 24), true), chunk("data", ints(LITTLE_ENDIAN, 3, 1 << 22, -(1 << 22)), true));
        assertSamples(new float[]{0.5f, -0.5f}, readBytes("ext24.wav", pcm24), 0);
        byte[] float32 = riff(chunk("fmt ", fmtExtensible(3, 1, 48000, 32), true), chunk("data", floats(LITTLE_ENDIAN, 0.25f), true));
        assertSamples(new float[]{0.25f}, readBytes("extf.wav", float32), 0);
    }

    @Test
    void stereoIsMixedToTheMeanOfTheChannels() throws IOException {
        byte[] data = ints(LITTLE_ENDIAN, 2, 16384, -16384, 16384, 0, -32768, -32768);
        AudioClip clip = readBytes("stereo.wav", wav(1, 2, 22050, 16, data));
        assertSamples(new float[]{0, 0.25f, -1}, clip, 0);
    }

    @Test
    void unknownChunksAreSkippedWithOrWithoutPadding() throws IOException {
        byte[] data = ints(LITTLE_ENDIAN, 2, 16384, -16384);
        byte[] padded = riff(chunk("LIST", new byte[]{1, 2, 3}, true), chunk("fmt ", fmt(1, 1, 22050, 16), true),
                chunk("junk", new byte[5], true), chunk("data", data, true));
        assertSamples(new float[]{0.5f, -0.5f}, readBytes("padded.wav", padded), 0);
        byte[] unpadded = riff(chunk("fmt ", fmt(1, 1, 22050, 16), true), chunk("junk", new byte[]{9, 9, 9}, false),
                chunk("data", data, true));
        assertSamples(new float[]{0.5f, -0.5f}, readBytes("unpadded.wav", unpadded), 0);
    }

    @Test
    void auLinearAndFloatEncodingsAreBigEndian() throws IOException {
        float[] expected = {0, 0.5f, -0.5f, -1};
        assertSamples(expected, readBytes("s8.au", au(2, 1, 8000, new byte[]{0, 64, -64, -128}, 4)), 0);
        assertSamples(expected, readBytes("s16.au", au(3, 1, 8000, ints(BIG_ENDIAN, 2, 0, 16384, -16384, -32768), 8)), 0);
        assertSamples(expected, readBytes("s24.au", au(4, 1, 8000, ints(BIG_ENDIAN, 3, 0, 1 << 22, -(1 << 22), -(1 << 23)), 12)), 0);
        assertSamples(expected, readBytes("s32.au", au(5, 1, 8000, ints(BIG_ENDIAN, 4, 0, 1L << 30, -(1L << 30), -(1L << 31)), 16)), 0);
        assertSamples(expected, readBytes("f32.au", au(6, 1, 8000, floats(BIG_ENDIAN, expected), 16)), 0);
        assertSamples(expected, readBytes("f64.au", au(7, 1, 8000, doubles(BIG_ENDIAN, 0, 0.5, -0.5, -1), 32)), 0);
    }

    @Test
    void auMuLawFollowsG711() throws IOException {
        AudioClip clip = readBytes("ulaw.au", au(1, 1, 8000, new byte[]{(byte) 0xFF, 0x7F, (byte) 0x80, 0x00, (byte) 0xEF}, 5));
        assertSamples(new float[]{0, 0, 32124 / 32768f, -32124 / 32768f, 132 / 32768f}, clip, 0);
    }

    @Test
    void wavALawFollowsG711() throws IOException {
        AudioClip clip = readBytes("alaw.wav", wav(6, 1, 8000, 8, new byte[]{(byte) 0xD5, 0x55, (byte) 0x80, 0x00}));
        assertSamples(new float[]{8 / 32768f, -8 / 32768f, 5504 / 32768f, -5504 / 32768f}, clip, 0);
    }

    @Test
    void auUnknownDataSizeMeansUntilEndOfFileAndStereoIsMixed() throws IOException {
        AudioClip clip = readBytes("open.au", au(3, 2, 16000, ints(BIG_ENDIAN, 2, 16384, 0, -32768, 0), 0xffffffffL));
        assertEquals(16000, clip.sampleRate());
        assertSamples(new float[]{0.25f, -0.5f}, clip, 0);
    }

    @Test
    void dataShorterThanDeclaredReadsTheWholeFramesPresentAndSaysSo() throws IOException {
        long[] values = new long[3000];
        for (int i = 0; i < values.length; i++) values[i] = i % 2 == 0 ? 16384 : -16384;
        byte[] full = wav(1, 1, 22050, 16, ints(LITTLE_ENDIAN, 2, values));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1003); // 501.5 samples lost
        AudioClip clip = readBytes("cut.wav", cut);
        assertEquals(2498, clip.samples().length);
        assertEquals(0.5f, clip.samples()[2496]);
        assertTrue(clip.truncation().orElseThrow().startsWith("truncated: the header declares 0.14 s"), clip.truncation().toString());

        // less than one analysis window (2048 samples at 22 050 Hz) left: a broken download, not a song
        byte[] stub = java.util.Arrays.copyOf(full, 3000);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> readBytes("stub.wav", stub));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("less than one analysis window"), e.getMessage());
        assertTrue(readBytes("whole.wav", full).truncation().isEmpty());
    }

    @Test
    void writerRoundTripsThroughTheReader() throws IOException {
        float[] signal = {0, 0.5f, -0.5f, 1, -1, 0.001f, 2f};
        Path pcm = dir.resolve("w16.wav");
        WavWriter.writePcm16(pcm, signal, 22050);
        AudioClip clip = AudioReader.read(pcm);
        assertEquals(22050, clip.sampleRate());
        assertSamples(new float[]{0, 0.5f, -0.5f, 1, -1, 0.001f, 1}, clip, 1.5f / 32768);
        Path flt = dir.resolve("wf.wav");
        WavWriter.writeFloat32(flt, signal, 44100);
        assertSamples(signal, AudioReader.read(flt), 0);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("w16.wav", "wf.wav"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left");
        }
    }
}
