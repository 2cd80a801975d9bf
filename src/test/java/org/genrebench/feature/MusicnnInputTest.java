package org.genrebench.feature;

import org.genrebench.SharedData;
import org.genrebench.audio.AudioReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MusicnnInputTest {
    /** musicnn's input for patches 0 and 14 (1-s hop) of two tracks, computed by the recipe in Python (187 × 96 each). */
    private static float[][] reference(String track, int patch) throws IOException {
        Path csv = SharedData.dir().resolve("musicnn-reference").resolve(String.format("%s.patch%02d.csv", track, patch));
        List<String> lines = Files.readAllLines(csv);
        float[][] rows = new float[lines.size()][];
        for (int r = 0; r < rows.length; r++) {
            String[] f = lines.get(r).split(",");
            rows[r] = new float[f.length];
            for (int c = 0; c < f.length; c++) rows[r][c] = Float.parseFloat(f[c]);
        }
        return rows;
    }

    /**
     * The reference arrays were computed with resampy's later time register ({@code t·Δ} rather than resampy 0.2.2's
     * running sum, which this class follows and which reproduces TensorFlow's taggrams to 1e-6, see
     * MusicnnGoldenTest). The two registers differ by ~1e-6 of a sample late in a clip, enough to move some mel
     * values across a float16 rounding boundary: measured, 95.4 % of the 71 808 values equal the CSV's 6 digits and
     * the largest difference is 9.0e-4 (two float16 steps after the log).
     */
    @Test
    void patchesMatchMusicnnsPythonInput() throws IOException {
        record Case(String track, Path wav) {
        }
        Path data = SharedData.dir();
        List<Case> cases = List.of(new Case("jazz.00001", data.resolve("gtzan-3genre/jazz/jazz.00001.wav")),
                new Case("pop.00000", SharedData.sampleTrack("pop")));
        MusicnnInput input = new MusicnnInput();
        double worst = 0, sum = 0;
        int off = 0, values = 0;
        for (Case c : cases) {
            float[][] patches = input.patches(AudioReader.read(c.wav()), MusicnnInput.OVERLAP_HOP);
            assertEquals(28, patches.length, c.track());
            for (int patch : new int[]{0, 14}) {
                float[][] ref = reference(c.track(), patch);
                assertEquals(MusicnnInput.PATCH_FRAMES, ref.length);
                for (int t = 0; t < ref.length; t++) {
                    assertEquals(MusicnnInput.MELS, ref[t].length);
                    for (int m = 0; m < MusicnnInput.MELS; m++) {
                        double err = Math.abs(patches[patch][t * MusicnnInput.MELS + m] - ref[t][m]);
                        worst = Math.max(worst, err);
                        sum += err;
                        values++;
                        if (err > 2e-5 + 1e-5 * Math.abs(ref[t][m])) off++; // beyond the CSV's 6 significant digits
                    }
                }
            }
        }
        System.out.printf("musicnn input vs musicnn-reference: max abs error %.3g, mean %.3g over %d values, %d (%.1f %%) beyond 6 digits%n",
                worst, sum / values, values, off, 100.0 * off / values);
        assertTrue(worst < 1e-3, "max abs error " + worst);
        assertTrue(sum / values < 3e-5, "mean abs error " + sum / values);
        assertTrue(off < 0.06 * values, off + " values beyond the CSV's rounding");
    }

    @Test
    void patchesStartEveryHopWhileTheyFit() {
        assertEquals(28, MusicnnInput.patchCount(1876, MusicnnInput.OVERLAP_HOP)); // a 30-s GTZAN clip
        assertEquals(10, MusicnnInput.patchCount(1876, MusicnnInput.PATCH_FRAMES));
        assertEquals(1, MusicnnInput.patchCount(187, 61));
        assertEquals(0, MusicnnInput.patchCount(186, 61));
        assertThrows(IllegalArgumentException.class, () -> MusicnnInput.patchCount(1000, 0));

        float[][] logMel = new float[187 + 2 * 61][MusicnnInput.MELS];
        for (int t = 0; t < logMel.length; t++) for (int m = 0; m < MusicnnInput.MELS; m++) logMel[t][m] = t * 1000 + m;
        float[][] patches = MusicnnInput.patches(logMel, 61);
        assertEquals(3, patches.length);
        assertEquals(MusicnnInput.PATCH_SIZE, patches[2].length);
        assertEquals(122 * 1000 + 5, patches[2][5]);                       // patch 2 starts at frame 122
        assertEquals((122 + 186) * 1000 + 95, patches[2][186 * 96 + 95]);  // frame-major: row t, band m
    }

    @Test
    void compressionRoundsToFloat16ThenTakesLog10InFloat32() {
        assertEquals(0f, MusicnnInput.compress(0f));
        assertEquals((float) Math.log10(10001f), MusicnnInput.compress(1f)); // 1 is exact in float16
        // 0.1 rounds to float16 0.0999755859375 before the log
        assertEquals((float) Math.log10(10000f * 0.0999755859375f + 1f), MusicnnInput.compress(0.1f));
        // beyond float16's range (65 504) the value becomes infinite, as numpy's astype(float16)
        assertEquals(Float.POSITIVE_INFINITY, MusicnnInput.compress(1e6f));
    }

    @Test
    void aClipShorterThanAPatchGivesNoPatches() {
        MusicnnInput input = new MusicnnInput();
        float[][] logMel = input.logMel(new float[22050], 22050); // 1 s: 16 000 samples, 63 frames
        assertEquals(63, logMel.length);
        assertEquals(0, MusicnnInput.patches(logMel, 61).length);
        assertEquals(0, input.logMel(new float[0], 22050).length);
    }
}
