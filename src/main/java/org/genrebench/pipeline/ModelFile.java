package org.genrebench.pipeline;

import org.genrebench.model.EstimatorState;
import org.genrebench.model.GenreClassifier;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;
import org.genrebench.util.Version;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one model file format, for every model: a zip holding {@code model.properties} (format, the GenreBench
 * version that wrote it, model name, class names, the input view's rule, the estimator's storage tag and
 * hyper-parameters) and the estimator's own entries
 * under {@code estimator/}. Written atomically, so a crash never leaves half a model.
 */
public final class ModelFile {
    static final String FORMAT = "genrebench-model/2";
    static final String META = "model.properties";
    static final String ESTIMATOR = "estimator/";
    private static final String VIEW = "input.";
    private static final String HYPER = "hyperParameter.";

    private ModelFile() {
    }

    public static void write(Path file, TrainedPipeline trained) throws IOException {
        Pipeline<?> pipeline = trained.pipeline();
        EstimatorState state = pipeline.estimator().state();
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("genrebenchVersion", Version.genreBench());
        p.setProperty("model", pipeline.name());
        p.setProperty("classes", String.join(",", trained.classNames()));
        p.setProperty("storage", state.storage());
        pipeline.view().settings().forEach((k, v) -> p.setProperty(VIEW + k, v));
        pipeline.estimator().hyperParameters().forEach((k, v) -> p.setProperty(HYPER + k, v));
        StringWriter meta = new StringWriter();
        p.store(meta, "GenreBench model");
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, META, meta.toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : new TreeMap<>(state.entries()).entrySet()) put(zip, ESTIMATOR + e.getKey(), e.getValue());
            zip.finish();
        });
    }

    /** Turns a stored estimator state back into the estimator of model {@code model} (the catalogue knows how). */
    @FunctionalInterface
    public interface Restorer {
        GenreClassifier<?> restore(String model, EstimatorState state) throws IOException;
    }

    /**
     * Reads a model file, its estimator restored by {@code restorer} (the catalogue's {@code ModelRegistry.restore});
     * every problem is one {@link UserException} naming the file.
     */
    public static TrainedPipeline read(Path file, Restorer restorer) {
        if (!Files.isRegularFile(file)) throw new UserException("model file not found: " + file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        } catch (ZipException e) {
            throw new UserException(file + " is not a GenreBench model file (not a zip archive)", e);
        } catch (IOException e) {
            throw new UserException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (!entries.containsKey(META)) {
            throw new UserException(file + " is not a GenreBench model file" + (entries.isEmpty() ? ""
                    : " of this version (no " + META + "; retrain it with `train`)"));
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(entries.get(META), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserException("cannot read " + META + " of model file " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new UserException(file + " has model format '" + p.getProperty("format") + "', this GenreBench reads " + FORMAT
                    + " (retrain it with `train`)");
        }
        String name = p.getProperty("model");
        try {
            Map<String, byte[]> estimatorEntries = new LinkedHashMap<>();
            entries.forEach((k, v) -> {
                if (k.startsWith(ESTIMATOR)) estimatorEntries.put(k.substring(ESTIMATOR.length()), v);
            });
            GenreClassifier<?> estimator = restorer.restore(name, new EstimatorState(p.getProperty("storage"), estimatorEntries));
            Map<String, String> view = new TreeMap<>();
            p.stringPropertyNames().stream().filter(k -> k.startsWith(VIEW)).forEach(k -> view.put(k.substring(VIEW.length()), p.getProperty(k)));
            return new TrainedPipeline(pair(name, InputView.fromSettings(view), estimator), List.of(p.getProperty("classes").split(",")));
        } catch (IOException | RuntimeException e) {
            throw new UserException("cannot restore model '" + name + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stored view and estimator, paired as they were written. */
    @SuppressWarnings("unchecked")
    private static <X> Pipeline<X> pair(String name, InputView<X> view, GenreClassifier<?> estimator) {
        return new Pipeline<>(name, view, (GenreClassifier<X>) estimator);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
