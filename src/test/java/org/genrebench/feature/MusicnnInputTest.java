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

    @Test
    void patchesMatchMusicnnsPythonInput() throws IOException {
        record Case(String track, Path wav) {
        }
        Path data = SharedData.dir();
        List<Case> cases = List.of(new Case("jazz.00001", data.resolve("gtzan-3genre/jazz/jazz.00001.wav")),
                new Case("pop.00000", SharedData.sampleTrack("pop")));
        MusicnnInput input = new MusicnnInput();
        double worst = 0;
        int off = 0, values = 0;
        for (Case c : cases) {
            float[][] patches = input.patches(AudioReader.read(c.wav()), MusicnnInput.OVERLAP_HOP);
            for (int patch : new int[]{0, 14}) {
                float[][] ref = reference(c.track(), patch);
                if (System.getenv("DUMP_MUSICNN") != null) {
                    StringBuilder sb = new StringBuilder();
                    for (int t = 0; t < 187; t++) { for (int m = 0; m < 96; m++) sb.append(m == 0 ? "" : ",").append(patches[patch][t * 96 + m]); sb.append('\n'); }
                    Files.writeString(Path.of(System.getenv("DUMP_MUSICNN"), c.track() + "." + patch + ".csv"), sb);
                }
                assertEquals(MusicnnInput.PATCH_FRAMES, ref.length);
                for (int t = 0; t < ref.length; t++) {
                    for (int m = 0; m < MusicnnInput.MELS; m++) {
                        double err = Math.abs(patches[patch][t * MusicnnInput.MELS + m] - ref[t][m]);
                        worst = Math.max(worst, err);
                        values++;
                        if (err > 2e-5 + 1e-5 * Math.abs(ref[t][m])) off++;
                    }
                }
            }
        }
        System.out.printf("musicnn input: max abs error %.3g over %d values, %d beyond 6-digit rounding%n", worst, values, off);
        assertTrue(worst < 1e-3, "max abs error " + worst);
    }
}
