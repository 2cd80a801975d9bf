package org.genrebench.model.deep;

import org.genrebench.model.deep.cpu.CpuWorkarounds;

import org.genrebench.model.EstimatorState;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The stored state of a fitted {@link DeepGenreClassifier}: {@code deep-model.properties} (architecture, window
 * shape, classes, training settings, normaliser statistics) and {@code network.zip}, DL4J's own
 * {@link ModelSerializer} file (configuration JSON + float parameters, no updater state: saved models are for
 * prediction). Floats are written with {@link Float#toString}, which round-trips exactly.
 */
final class DeepModelState {
    /** The storage tag of this state inside a model file. */
    static final String STORAGE = "dl4j";
    static final String META = "deep-model.properties";
    static final String NETWORK = "network.zip";

    private DeepModelState() {
    }

    static EstimatorState of(DeepGenreClassifier model) throws IOException {
        Properties p = new Properties();
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
        return new EstimatorState(STORAGE, Map.of(META, meta.toString().getBytes(StandardCharsets.UTF_8), NETWORK, net.toByteArray()));
    }

    static DeepGenreClassifier restore(EstimatorState state) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(state.entry(META), StandardCharsets.UTF_8)));
        MelWindowShape shape = new MelWindowShape(Integer.parseInt(p.getProperty("bands")),
                Integer.parseInt(p.getProperty("frames")));
        MultiLayerNetwork network = CpuWorkarounds.prepare(
                ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(state.entry(NETWORK)), false));
        TrainingSummary summary = p.getProperty("epochsRun") == null ? null : new TrainingSummary(
                Integer.parseInt(p.getProperty("epochsRun")), Integer.parseInt(p.getProperty("bestEpoch")),
                Double.parseDouble(p.getProperty("bestValidationLoss")));
        return new DeepGenreClassifier(
                NetworkArchitecture.of(p.getProperty("architecture"), Integer.parseInt(p.getProperty("width")),
                        Boolean.parseBoolean(p.getProperty("stem"))),
                shape, DeepConfig.fromMap(p), network,
                new MelNormalizer(shape, split(p.getProperty("normalizer.mean")), split(p.getProperty("normalizer.std"))),
                Integer.parseInt(p.getProperty("numClasses")), summary);
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
