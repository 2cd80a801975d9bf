package org.genrebench.model.deep;

import org.genrebench.model.deep.cpu.CpuWorkarounds;

import org.genrebench.util.AtomicFiles;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.genrebench.util.UserException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * On-disk form of a {@link DeepGenreClassifier}: a zip holding {@code deep-model.properties} (architecture,
 * window shape, classes, training settings, normaliser statistics) and {@code network.zip}, DL4J's own
 * {@link ModelSerializer} file (configuration JSON + float parameters, no updater state: saved models are for
 * prediction). Floats are written with {@link Float#toString}, which round-trips exactly.
 */
final class DeepModelFile {
    static final String META = "deep-model.properties";
    static final String NETWORK = "network.zip";
    /** Identifies the format; the lead's ModelStore can dispatch on it. */
    static final String FORMAT = "genrebench-deep/1";

    private DeepModelFile() {
    }

    static void write(Path file, DeepGenreClassifier model) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("architecture", model.architecture().name());
        p.setProperty("width", Integer.toString(model.architecture().width()));
        p.setProperty("stem", Boolean.toString(model.architecture().stem()));
        p.setProperty("bands", Integer.toString(model.shape().bands()));
        p.setProperty("frames", Integer.toString(model.shape().frames()));
        p.setProperty("numClasses", Integer.toString(model.numClasses()));
        model.config().toMap().forEach(p::setProperty);
        p.setProperty("normalizer.mean", join(model.normalizer().mean()));
        p.setProperty("normalizer.std", join(model.normalizer().std()));
        TrainingSummary s = model.trainingSummary();
        if (s != null) {
            p.setProperty("epochsRun", Integer.toString(s.epochsRun()));
            p.setProperty("bestEpoch", Integer.toString(s.bestEpoch()));
            p.setProperty("bestValidationLoss", Double.toString(s.bestValidationLoss()));
        }
        StringWriter meta = new StringWriter();
        p.store(meta, "GenreBench deep model");
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), net, false);

        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, META, meta.toString().getBytes(StandardCharsets.UTF_8));
            put(zip, NETWORK, net.toByteArray());
            zip.finish();
        });
    }

    static DeepGenreClassifier read(Path file) throws IOException {
        byte[] meta = null, net = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(META)) meta = zip.readAllBytes();
                else if (e.getName().equals(NETWORK)) net = zip.readAllBytes();
            }
        } catch (java.util.zip.ZipException e) {
            throw new UserException(file + " is not a GenreBench deep model (not a zip file)", e);
        }
        if (meta == null || net == null) {
            throw new UserException(file + " is not a GenreBench deep model (missing " + META + " or " + NETWORK + ")");
        }
        Properties p = new Properties();
        p.load(new StringReader(new String(meta, StandardCharsets.UTF_8)));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new UserException(file + " has deep-model format '" + p.getProperty("format") + "', expected " + FORMAT);
        }
        MelWindowShape shape = new MelWindowShape(Integer.parseInt(p.getProperty("bands")),
                Integer.parseInt(p.getProperty("frames")));
        MultiLayerNetwork network = CpuWorkarounds.prepare(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(net), false));
        TrainingSummary summary = p.getProperty("epochsRun") == null ? null : new TrainingSummary(
                Integer.parseInt(p.getProperty("epochsRun")), Integer.parseInt(p.getProperty("bestEpoch")),
                Double.parseDouble(p.getProperty("bestValidationLoss")));
        return new DeepGenreClassifier(
                NetworkArchitecture.of(p.getProperty("architecture"), Integer.parseInt(p.getProperty("width")),
                        Boolean.parseBoolean(p.getProperty("stem", "true"))), // a file without the key has the stem
                shape, DeepConfig.fromMap(p), network,
                new MelNormalizer(shape, split(p.getProperty("normalizer.mean")), split(p.getProperty("normalizer.std"))),
                Integer.parseInt(p.getProperty("numClasses")), summary);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String join(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(v[i]);
        }
        return sb.toString();
    }

    private static float[] split(String s) {
        String[] parts = s.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < v.length; i++) v[i] = Float.parseFloat(parts[i]);
        return v;
    }
}
