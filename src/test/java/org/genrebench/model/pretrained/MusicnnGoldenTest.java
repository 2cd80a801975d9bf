package org.genrebench.model.pretrained;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.genrebench.SharedData;
import org.genrebench.audio.AudioReader;
import org.genrebench.feature.MusicnnInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The golden check: MSD_musicnn from the WAV through the whole chain (resampling, mel, float16, patches, forward
 * pass) against the taggrams TensorFlow's musicnn computed for the same GTZAN songs
 * ({@code shared/data/musicnn-taggrams}), every value of every 1-s-hop patch.
 *
 * <p>By default a few songs; {@code -Dgenrebench.musicnnGolden=all} checks all 76 shared songs (docs/pretrained.md).
 */
class MusicnnGoldenTest {
    /** TensorFlow's float32 graph against this one; a float32 re-implementation of the recipe stays within 5e-4. */
    static final double TOLERANCE = 0.005;
    private static final List<String> DEFAULT_SONGS = List.of("classical.00030.wav", "jazz.00011.wav", "pop.00000.wav");

    /** The golden taggram rows of each song, in patch order. */
    static Map<String, List<float[]>> golden(Path csv) throws IOException {
        Map<String, List<float[]>> songs = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            assertEquals("tag_rock", header.get(4));
            for (CSVRecord r : parser) {
                float[] tags = new float[50];
                for (int j = 0; j < 50; j++) tags[j] = Float.parseFloat(r.get(4 + j));
                List<float[]> rows = songs.computeIfAbsent(r.get("file"), k -> new ArrayList<>());
                assertEquals(rows.size(), Integer.parseInt(r.get("patch")), "patches in order for " + r.get("file"));
                rows.add(tags);
            }
        }
        return songs;
    }

    /** The WAV of a GTZAN song in the shared data (full 30-s tracks only), or null. */
    static Path wav(Path data, String file) {
        String genre = file.substring(0, file.indexOf('.'));
        for (String set : List.of("gtzan-3genre", "gtzan-sample")) {
            Path p = data.resolve(set).resolve(genre).resolve(file);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    @Test
    void msdMusicnnReproducesTensorFlowsTaggrams() throws IOException {
        Path data = SharedData.dir();
        Map<String, List<float[]>> golden = golden(data.resolve("musicnn-taggrams/gtzan-msd-musicnn-taggrams.csv"));
        boolean all = "all".equals(System.getProperty("genrebench.musicnnGolden"));
        List<String> songs = all ? golden.keySet().stream().filter(f -> wav(data, f) != null).toList() : DEFAULT_SONGS;
        if (all) assertEquals(76, songs.size(), "shared songs with golden taggrams");
        MusicnnModel model = MusicnnModel.load(MusicnnWeights.MSD_MUSICNN, SharedData.musicnnModels());
        assertEquals(MusicnnWeights.MSD_MUSICNN.tags().get(0), "rock");
        MusicnnInput input = new MusicnnInput();
        double worst = 0;
        String worstAt = "";
        int patches = 0, topAgree = 0;
        for (String song : songs) {
            Path wav = wav(data, song);
            assertNotNull(wav, song);
            float[][] taggram = model.taggram(input.patches(AudioReader.read(wav), MusicnnInput.OVERLAP_HOP));
            List<float[]> expected = golden.get(song);
            assertEquals(expected.size(), taggram.length, "patches of " + song);
            for (int p = 0; p < taggram.length; p++) {
                float[] e = expected.get(p);
                for (int j = 0; j < 50; j++) {
                    double err = Math.abs(taggram[p][j] - e[j]);
                    if (err > worst) {
                        worst = err;
                        worstAt = song + " patch " + p + " tag " + MusicnnWeights.MSD_MUSICNN.tags().get(j);
                    }
                }
                if (argmax(taggram[p]) == argmax(e)) topAgree++;
                patches++;
            }
        }
        System.out.printf("MSD_musicnn vs TensorFlow: %d songs, %d patches, max abs error %.3g (%s), same top tag on %d%n",
                songs.size(), patches, worst, worstAt, topAgree);
        assertTrue(worst <= TOLERANCE, "max abs error " + worst + " at " + worstAt);
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
        return best;
    }
}
