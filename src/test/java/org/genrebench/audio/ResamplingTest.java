package org.genrebench.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.genrebench.testutil.TestAudio.middleRms;
import static org.genrebench.testutil.TestAudio.sine;
import static org.junit.jupiter.api.Assertions.*;

class ResamplingTest {
    @Test
    void lengthIsCeilingOfTheRateRatioLikeLibrosa() {
        assertEquals(460, Resampling.resample(new float[1001], 48000, 22050).length); // 459.84 -> 460
        assertEquals(22050, Resampling.resample(new float[44100], 44100, 22050).length);
        assertEquals(2205, Resampling.resample(new float[1000], 10000, 22050).length); // upsampling
        assertEquals(0, Resampling.resample(new float[0], 44100, 22050).length);
    }

    @Test
    void toneKeepsFrequencyAmplitudeAndPhase() {
        for (int from : new int[]{44100, 48000, 16000}) {
            float[] out = Resampling.resample(sine(1000, 0.5, from, from), from, 22050);
            float[] ideal = sine(1000, 0.5, 22050, out.length);
            double maxError = 0;
            for (int i = out.length / 4; i < 3 * out.length / 4; i++) maxError = Math.max(maxError, Math.abs(out[i] - ideal[i]));
            assertEquals(0.5 / Math.sqrt(2), middleRms(out), 0.005, "amplitude from " + from);
            assertTrue(maxError < 0.01, "from " + from + ": max deviation from the ideal sine " + maxError + " (frequency or delay wrong)");
        }
    }

    @Test
    void toneAboveTheNewNyquistIsRemoved() {
        float[] out = Resampling.resample(sine(15000, 0.5, 44100, 44100), 44100, 22050); // Nyquist 11025 Hz
        double attenuationDb = 20 * Math.log10(middleRms(out) / (0.5 / Math.sqrt(2)));
        assertTrue(attenuationDb < -40, "15 kHz only attenuated by " + attenuationDb + " dB");
    }

    private static double gainDb(double freq, int from) {
        float[] out = Resampling.resample(sine(freq, 0.5, from, from), from, 22050);
        return 20 * Math.log10(middleRms(out) / (0.5 / Math.sqrt(2)));
    }

    @Test
    void responseFollowsSoxrHq() {
        // soxr HQ (librosa's default) is flat to 0.913 of the new Nyquist frequency and stops at 1.0 with ~120 dB.
        for (int from : new int[]{44100, 48000}) {
            assertEquals(0, gainDb(5000, from), 0.01, "5 kHz from " + from);
            assertEquals(0, gainDb(9900, from), 0.05, "9.9 kHz (0.90 of Nyquist) from " + from);
            double stop = gainDb(12100, from); // would alias to 9.95 kHz
            assertTrue(stop < -90, "12.1 kHz from " + from + " only attenuated by " + stop + " dB");
        }
    }

    @Test
    void tapsComputedPerSampleEqualTheTableAndTheCachedTable() {
        float[] x = sine(1234, 0.3, 48000, 4801);
        for (int i = 0; i < x.length; i += 7) x[i] += 0.1f;
        float[] tabled = Resampling.resample(x, 48000, 22050);
        assertArrayEquals(tabled, Resampling.resample(x, 48000, 22050, 0));
        assertArrayEquals(tabled, Resampling.resample(x, 48000, 22050), "the second call reuses the ratio's table");
        assertArrayEquals(Resampling.resample(x, 16000, 22050), Resampling.resample(x, 16000, 22050, 0));
    }

    @Test
    void loaderResamplesToTheTargetRate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.wav");
        WavWriter.writeFloat32(file, sine(440, 0.25, 44100, 4410), 44100);
        AudioClip clip = AudioLoader.load(file);
        assertEquals(AudioLoader.DEFAULT_SAMPLE_RATE, clip.sampleRate());
        assertEquals(2205, clip.samples().length);
        assertSame(file, clip.source());
        assertEquals(4410, AudioLoader.load(file, 44100).samples().length);
    }
}
