package org.genrebench.pipeline;

import org.genrebench.audio.WavWriter;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every catalogue model, classical or deep, goes through the one model file and predicts the same afterwards. */
class ModelFileTest {
    private static final int SR = 22050;
    private static final List<String> GENRES = List.of("low", "high");
    private static final InputSettings INPUTS = InputSettings.defaults();

    /** Both views of 2 genres × 6 songs of 3.5 s tones (vote's inner 5-fold search needs 5 songs per genre). */
    record Clips(List<Sample<double[]>> features, List<Sample<float[]>> windows) implements PreparedViews {
        @Override
        public List<Sample<double[]>> embeddings(String key) {
            return List.of();
        }

    }

    static Clips train;
    static float[] unseen;

    @BeforeAll
    static void clips() {
        List<Sample<double[]>> rows = new ArrayList<>();
        List<Sample<float[]>> windows = new ArrayList<>();
        for (int g = 0; g < GENRES.size(); g++) {
            for (int s = 0; s < 6; s++) {
                float[] y = tone(g == 0 ? 220 + 10 * s : 1760 + 40 * s, 10L * g + s);
                String song = GENRES.get(g) + s;
                for (double[] r : AudioInputs.inputs(INPUTS.featureRows(), y)) rows.add(new Sample<>(r, song, g));
                for (float[] w : AudioInputs.inputs(INPUTS.melWindows(), y)) windows.add(new Sample<>(w, song, g));
            }
        }
        train = new Clips(rows, windows);
        unseen = tone(1000, 99);
    }

    /** Every classical model and network; the pre-trained family round-trips in ProbeTest and PretrainedCliTest (train, predict). */
    static List<String> everyModel() {
        return ModelRegistry.allNames().stream().filter(n -> ModelRegistry.entry(n).family() != org.genrebench.model.Family.PRETRAINED).toList();
    }

    /** One training epoch for a network; a classical model takes no network option. */
    private static java.util.Map<String, String> fast(String name) {
        return ModelRegistry.deepOf(List.of(name)).isEmpty() ? Map.of() : Map.of("epochs", "1");
    }

    @ParameterizedTest
    @MethodSource("everyModel")
    void roundTripsToIdenticalSongProbabilities(String name, @TempDir Path dir) {
        Pipeline<?> pipeline = ModelRegistry.pipeline(name, 7, INPUTS, fast(name));
        pipeline.fit(train, GENRES.size());
        double[] before = pipeline.songProbabilities(unseen, GENRES.size());

        Path file = dir.resolve(name + ".model");
        write(file, new TrainedPipeline(pipeline, GENRES));
        TrainedPipeline loaded = ModelRegistry.readModelFile(file);

        assertEquals(name, loaded.pipeline().name());
        assertEquals(GENRES, loaded.classNames());
        assertEquals(pipeline.view(), loaded.pipeline().view(), "the cutting rule travels with the model");
        assertEquals(pipeline.estimator().hyperParameters(), loaded.pipeline().estimator().hyperParameters());
        assertArrayEquals(before, loaded.pipeline().songProbabilities(unseen, GENRES.size()), 0.0, name + " after reload");
        assertEquals(org.genrebench.util.Version.genreBench(), metaOf(file).getProperty("genrebenchVersion"));
        assertTrue(metaOf(file).getProperty("genrebenchVersion").matches("\\d+\\.\\d+.*"), "the build's version is recorded");
    }

    private static java.util.Properties metaOf(Path modelFile) {
        try (var zip = new java.util.zip.ZipFile(modelFile.toFile())) {
            java.util.Properties p = new java.util.Properties();
            p.load(zip.getInputStream(zip.getEntry(ModelFile.META)));
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aNetworkTakesItsWindowLengthFromItsInputsAndKeepsItInTheFile(@TempDir Path dir) {
        InputSettings twoSeconds = InputSettings.of(3, 2);
        List<Sample<float[]>> shorter = new ArrayList<>();
        for (int g = 0; g < GENRES.size(); g++) {
            for (int s = 0; s < 6; s++) {
                for (float[] w : AudioInputs.inputs(twoSeconds.melWindows(), tone(g == 0 ? 220 + 10 * s : 1760 + 40 * s, 10L * g + s))) {
                    shorter.add(new Sample<>(w, GENRES.get(g) + s, g));
                }
            }
        }
        assertTrue(shorter.get(0).input().length < train.windows().get(0).input().length);
        Pipeline<?> pipeline = ModelRegistry.pipeline("cnn", 7, twoSeconds, Map.of("epochs", "1"));
        pipeline.fit(new Clips(train.features(), shorter), GENRES.size());
        double[] before = pipeline.songProbabilities(unseen, GENRES.size());
        Path file = dir.resolve("cnn-2s.model");
        write(file, new TrainedPipeline(pipeline, GENRES));
        TrainedPipeline loaded = ModelRegistry.readModelFile(file);
        assertEquals(new MelWindows(twoSeconds.windowSamples(), twoSeconds.windowOverlap()), loaded.pipeline().view());
        assertEquals("128x87", loaded.pipeline().estimator().hyperParameters().get("window"));
        assertArrayEquals(before, loaded.pipeline().songProbabilities(unseen, GENRES.size()), 0.0);
    }

    @Test
    void predictNamesAClipTooShortForTheModelsInput(@TempDir Path dir) throws IOException {
        for (String name : List.of("svm", "cnn")) {
            Pipeline<?> pipeline = ModelRegistry.pipeline(name, 7, INPUTS, fast(name));
            pipeline.fit(train, GENRES.size());
            Path clip = dir.resolve("short.wav");
            WavWriter.writePcm16(clip, Arrays.copyOf(unseen, SR * 3 / 2), SR);
            UserException e = assertThrows(UserException.class, () -> new TrainedPipeline(pipeline, GENRES).predict(clip));
            assertTrue(e.getMessage().startsWith(clip.toString()) && e.getMessage().contains("too short: 1.50 s"), name + ": " + e.getMessage());
        }
    }

    @Test
    void foreignAndOlderFilesAreOneSentenceNamingTheFile(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.model"), "hello");
        assertMessage(text, "is not a GenreBench model file");
        Path older = dir.resolve("older.model");
        zip(older, "trained-model.properties", "format=genrebench-trained/1\n");
        assertMessage(older, "retrain it with `train`");
        Path future = dir.resolve("future.model");
        zip(future, ModelFile.META, "format=genrebench-model/9\nmodel=svm\n");
        assertMessage(future, "genrebench-model/9");
        Path broken = dir.resolve("broken.model");
        zip(broken, ModelFile.META, "format=" + ModelFile.FORMAT + "\nmodel=svm\nstorage=java-serial\nclasses=a,b\ninput.view=feature-rows\ninput.featureChunkSamples=0\n");
        assertMessage(broken, "cannot restore model 'svm'");
        assertMessage(dir.resolve("missing.model"), "model file not found");
    }

    private static void assertMessage(Path file, String expected) {
        UserException e = assertThrows(UserException.class, () -> ModelRegistry.readModelFile(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    private static void write(Path file, TrainedPipeline trained) {
        try {
            ModelFile.write(file, trained);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void zip(Path file, String entry, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** 3.5 s of a sine with a little seeded noise. */
    private static float[] tone(double hz, long seed) {
        Random rng = new Random(seed);
        float[] y = new float[(int) (3.5 * SR)];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / SR) + 0.01 * rng.nextGaussian());
        return y;
    }
}
