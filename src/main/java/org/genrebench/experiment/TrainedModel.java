package org.genrebench.experiment;

import org.genrebench.audio.AudioLoader;
import org.genrebench.model.GenreClassifier;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.model.ModelStore;
import org.genrebench.model.deep.DeepGenreClassifier;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model trained by {@code train}, ready for {@code predict}: the fitted classifier plus everything needed to
 * turn a new audio file into its inputs the same way (class names, feature chunking, mel windowing).
 * Stored as one zip: {@code trained-model.properties} and the classifier's own file {@code model.bin}.
 */
public final class TrainedModel {
    private static final String FORMAT = "genrebench-trained/1";
    private static final String META = "trained-model.properties";
    private static final String MODEL = "model.bin";

    private final String modelName;
    private final List<String> classNames;
    private final AudioPreparation.Settings settings;
    private final GenreClassifier<?> model;
    /** Turns audio into this model's inputs exactly as in training (no cache: one file at a time). */
    private final AudioPreparation views;

    public TrainedModel(String modelName, List<String> classNames, AudioPreparation.Settings settings, GenreClassifier<?> model) {
        this.modelName = modelName;
        this.classNames = List.copyOf(classNames);
        this.settings = settings;
        this.model = model;
        this.views = new AudioPreparation(null, settings, 1);
    }

    public String modelName() {
        return modelName;
    }

    public List<String> classNames() {
        return classNames;
    }

    public GenreClassifier<?> model() {
        return model;
    }

    /** Song probabilities of one audio file: the mean of its chunk (or window) probabilities. */
    @SuppressWarnings("unchecked")
    public double[] predict(Path audio) {
        float[] y = AudioLoader.load(audio).samples();
        if (y.length == 0) throw new UserException("cannot read audio file " + audio + ": no samples");
        double[][] chunkProbabilities = ModelRegistry.isDeep(modelName)
                ? ((GenreClassifier<float[]>) model).predictProba(Arrays.asList(views.melWindows(y)))
                : ((GenreClassifier<double[]>) model).predictProba(Arrays.asList(views.featureRows(y)));
        double[] song = new double[classNames.size()];
        for (double[] p : chunkProbabilities) for (int c = 0; c < song.length; c++) song[c] += p[c] / chunkProbabilities.length;
        return song;
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("model", modelName);
        p.setProperty("classes", String.join(",", classNames));
        p.setProperty("featureChunkSamples", Integer.toString(settings.featureChunkSamples()));
        p.setProperty("windowSamples", Integer.toString(settings.windowSamples()));
        p.setProperty("windowOverlap", Double.toString(settings.windowOverlap()));
        StringWriter meta = new StringWriter();
        p.store(meta, "GenreBench trained model");
        Path tmp = Files.createTempFile("genrebench-model", ".bin");
        try {
            model.save(tmp);
            byte[] modelBytes = Files.readAllBytes(tmp);
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(META));
                zip.write(meta.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MODEL));
                zip.write(modelBytes);
                zip.closeEntry();
                zip.finish();
            });
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static TrainedModel load(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException("model file not found: " + file);
        byte[] meta = null, modelBytes = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(META)) meta = zip.readAllBytes();
                else if (e.getName().equals(MODEL)) modelBytes = zip.readAllBytes();
            }
        } catch (IOException e) {
            throw new UserException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (meta == null || modelBytes == null) throw new UserException(file + " is not a model written by `genrebench train`");
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(meta, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UserException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new UserException(file + " has model format '" + p.getProperty("format") + "', expected " + FORMAT);
        }
        String name = p.getProperty("model");
        AudioPreparation.Settings settings = new AudioPreparation.Settings(
                Integer.parseInt(p.getProperty("featureChunkSamples")), Integer.parseInt(p.getProperty("windowSamples")),
                Double.parseDouble(p.getProperty("windowOverlap")), !ModelRegistry.isDeep(name), ModelRegistry.isDeep(name));
        return new TrainedModel(name, List.of(p.getProperty("classes").split(",")), settings, readClassifier(file, name, modelBytes));
    }

    private static GenreClassifier<?> readClassifier(Path file, String name, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile("genrebench-model", ".bin");
            try {
                Files.write(tmp, bytes);
                return ModelRegistry.isDeep(name) ? DeepGenreClassifier.load(tmp) : ModelStore.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserException("cannot read model " + name + " from " + file + ": " + e.getMessage(), e);
        }
    }
}
