package org.genrebench.dataset.synth;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioReader;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SynthDatasetTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFilesAndOtherSeedsDiffer() throws IOException {
        SynthConfig config = new SynthConfig(3, 2, 1.0, 7);
        List<Path> first = SynthDataset.write(dir.resolve("a"), config);
        List<Path> second = SynthDataset.write(dir.resolve("b"), config);
        List<Path> other = SynthDataset.write(dir.resolve("c"), new SynthConfig(3, 2, 1.0, 8));
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
            assertFalse(Arrays.equals(Files.readAllBytes(first.get(i)), Files.readAllBytes(other.get(i))), other.get(i).toString());
        }
        assertEquals(Files.readString(dir.resolve("a/synth.json")), Files.readString(dir.resolve("b/synth.json")));
    }

    @Test
    void addingTracksLeavesExistingTracksUnchanged() {
        float[] small = SynthDataset.renderTrack(new SynthConfig(2, 1, 0.5, 3), "blues", 0);
        float[] large = SynthDataset.renderTrack(new SynthConfig(2, 50, 0.5, 3), "blues", 0);
        assertArrayEquals(small, large);
    }

    @Test
    void writesGtzanLayoutWithTheRequestedLengthAndAManifest() throws IOException {
        SynthConfig config = new SynthConfig(4, 3, 0.5, 1);
        List<Path> files = SynthDataset.write(dir, config);
        assertEquals(12, files.size());
        assertEquals(dir.resolve("genres/blues/blues.00000.wav"), files.get(0));
        AudioDataset scan = AudioDataset.load(List.of(dir));
        assertEquals(List.of("blues", "classical", "country", "disco"), scan.genres());
        assertEquals(12, scan.tracks().size());
        assertTrue(scan.excluded().isEmpty(), scan.excluded().toString());
        for (Path f : files) {
            AudioClip clip = AudioReader.read(f);
            assertEquals(22050, clip.sampleRate());
            assertEquals(11025, clip.samples().length, f.toString());
            float peak = 0;
            for (float s : clip.samples()) peak = Math.max(peak, Math.abs(s));
            assertTrue(peak > 0.3 && peak <= 1, f + " peak " + peak);
        }
        String manifest = Files.readString(dir.resolve("synth.json"));
        assertTrue(manifest.contains("\"seed\": 1,") && manifest.contains("\"difficulty\": 0.5,") && manifest.contains("\"perGenre\": 3,"), manifest);
    }

    @Test
    void invalidSettingsAreUserErrors() {
        assertThrows(UserException.class, () -> new SynthConfig(11, 1, 1, 0));
        assertThrows(UserException.class, () -> new SynthConfig(10, 0, 1, 0));
        assertThrows(UserException.class, () -> new SynthConfig(10, 1, 0, 0));
        UserException e = assertThrows(UserException.class, () -> new SynthConfig(10, 1, 1, 0, 1.5, 22050));
        assertEquals("--difficulty must be between 0 and 1, not 1.5", e.getMessage());
    }

    /** Zero-crossing rate: a crude brightness measure. */
    private static double zcr(float[] x) {
        int crossings = 0;
        for (int i = 1; i < x.length; i++) if ((x[i] >= 0) != (x[i - 1] >= 0)) crossings++;
        return crossings / (double) x.length;
    }

    /** Mean per-frame RMS rise relative to the mean level: how percussive (onset-heavy) a track is. */
    private static double onsetStrength(float[] x) {
        int hop = 512, frames = x.length / hop;
        double[] rms = new double[frames];
        double mean = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < hop; i++) sum += x[f * hop + i] * x[f * hop + i];
            rms[f] = Math.sqrt(sum / hop);
            mean += rms[f] / frames;
        }
        double rise = 0;
        for (int f = 1; f < frames; f++) rise += Math.max(0, rms[f] - rms[f - 1]);
        return rise / frames / mean;
    }

    private static double[] genreMeans(SynthConfig config, String genre, java.util.function.ToDoubleFunction<float[]> feature) {
        double[] values = new double[config.perGenre()];
        for (int i = 0; i < values.length; i++) values[i] = feature.applyAsDouble(SynthDataset.renderTrack(config, genre, i));
        return values;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    @Test
    void genresDifferInCrudeFeaturesButOverlapAtTheDefaultDifficulty() {
        SynthConfig config = new SynthConfig(10, 6, 3.0, 11);
        double[] metalZcr = genreMeans(config, "metal", SynthDatasetTest::zcr);
        double[] classicalZcr = genreMeans(config, "classical", SynthDatasetTest::zcr);
        double[] classicalOnsets = genreMeans(config, "classical", SynthDatasetTest::onsetStrength);
        double[] discoOnsets = genreMeans(config, "disco", SynthDatasetTest::onsetStrength);
        assertTrue(mean(metalZcr) > 1.3 * mean(classicalZcr),
                "metal should be brighter than classical: " + mean(metalZcr) + " vs " + mean(classicalZcr));
        assertTrue(mean(discoOnsets) > 1.5 * mean(classicalOnsets),
                "disco should be more percussive than classical: " + mean(discoOnsets) + " vs " + mean(classicalOnsets));

        // Not trivially separable: at the default difficulty some genre pairs overlap on a single feature.
        double[] rockZcr = genreMeans(config, "rock", SynthDatasetTest::zcr);
        double[] popZcr = genreMeans(config, "pop", SynthDatasetTest::zcr);
        boolean overlap = Arrays.stream(rockZcr).max().orElseThrow() > Arrays.stream(popZcr).min().orElseThrow()
                && Arrays.stream(popZcr).max().orElseThrow() > Arrays.stream(rockZcr).min().orElseThrow();
        assertTrue(overlap, "rock and pop zero-crossing rates should overlap: " + Arrays.toString(rockZcr) + " " + Arrays.toString(popZcr));
    }

    @Test
    void higherDifficultyMakesGenresHarderToTellApart() {
        double easyGap = zcrGap(0.0), hardGap = zcrGap(1.0);
        assertTrue(hardGap < easyGap, "metal/classical brightness gap should shrink with difficulty: " + easyGap + " -> " + hardGap);
    }

    private static double zcrGap(double difficulty) {
        SynthConfig config = new SynthConfig(10, 8, 2.0, 5, difficulty, 22050);
        return Math.log(mean(genreMeans(config, "metal", SynthDatasetTest::zcr)) / mean(genreMeans(config, "classical", SynthDatasetTest::zcr)));
    }
}
