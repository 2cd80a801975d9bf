package org.genrebench.model.deep;

import org.genrebench.model.deep.cpu.CpuWorkarounds;

import org.genrebench.model.EstimatorState;
import org.genrebench.model.training.TrainingSummary;
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
 * shape, classes, training settings, normaliser statistics, the DL4J version and whether the CPU layers trained it)
 * and {@code network.zip}, DL4J's own {@link ModelSerializer} file (configuration JSON + float parameters, no
 * updater state: saved models are for prediction). Floats are written with {@link Float#toString}, which
 * round-trips exactly.
 *
 * <p>{@code network.zip} always holds DL4J's stock layer configuration
 * ({@link NetworkArchitecture#configure(MelWindowShape, int, DeepConfig, boolean)} without the CPU layers), so the
 * file loads under any backend (the {@code cuda} profile) and DL4J version; the parameters are the same either way.
 * Loading rebuilds the network this process runs (with the CPU layers where they are active) around the stored
 * parameters.
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
        p.setProperty("dl4jVersion", CpuWorkarounds.dl4jVersion());
        p.setProperty("trainedWithCpuLayers", Boolean.toString(model.trainedWithCpuLayers()));
        p.setProperty("storedLayers", "stock");
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
        MultiLayerNetwork stock = new MultiLayerNetwork(
                model.architecture().configure(model.shape(), model.numClasses(), model.config(), false));
        stock.init(model.network().params().dup(), false);
        ModelSerializer.writeModel(stock, net, false);
        return new EstimatorState(STORAGE, Map.of(META, meta.toString().getBytes(StandardCharsets.UTF_8), NETWORK, net.toByteArray()));
    }

    /** The stored model, its network built with the CPU layers where they are active. */
    static DeepGenreClassifier restore(EstimatorState state, NetworkArchitecture.Design design) throws IOException {
        return restore(state, design, CpuWorkarounds.active());
    }

    /**
     * The stored model with its network built with the CPU layers ({@code cpuLayers}) or DL4J's stock ones, around
     * the stored parameters. Files whose {@code network.zip} holds the CPU layers' configuration load the same way.
     */
    static DeepGenreClassifier restore(EstimatorState state, NetworkArchitecture.Design design, boolean cpuLayers) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(state.entry(META), StandardCharsets.UTF_8)));
        MelWindowShape shape = new MelWindowShape(Integer.parseInt(p.getProperty("bands")),
                Integer.parseInt(p.getProperty("frames")));
        if (!design.name().equals(p.getProperty("architecture"))) {
            throw new IOException("it holds a " + p.getProperty("architecture") + " network, not " + design.name());
        }
        NetworkArchitecture architecture = design.build(Integer.parseInt(p.getProperty("width")), Boolean.parseBoolean(p.getProperty("stem")));
        DeepConfig config = DeepConfig.fromMap(p);
        int numClasses = Integer.parseInt(p.getProperty("numClasses"));
        MultiLayerNetwork stored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(state.entry(NETWORK)), false);
        MultiLayerNetwork network = new MultiLayerNetwork(architecture.configure(shape, numClasses, config, cpuLayers));
        try {
            network.init(stored.params().dup(), false); // before anything else: numParams() would initialise it at random
        } catch (RuntimeException e) {
            throw new IOException("its " + architecture.name() + " network (" + stored.numParams() + " parameters) does not fit"
                    + " the network this GenreBench builds (retrain it with `train`)", e);
        }
        if (cpuLayers) CpuWorkarounds.prepare(network);
        TrainingSummary summary = p.getProperty("epochsRun") == null ? null : new TrainingSummary(
                Integer.parseInt(p.getProperty("epochsRun")), Integer.parseInt(p.getProperty("bestEpoch")),
                Double.parseDouble(p.getProperty("bestValidationLoss")));
        // files written before this was recorded stored the configuration they were trained with
        boolean trainedWithCpuLayers = p.getProperty("trainedWithCpuLayers") != null
                ? Boolean.parseBoolean(p.getProperty("trainedWithCpuLayers"))
                : stored.getLayerWiseConfigurations().toJson().contains(CpuWorkarounds.class.getPackageName() + ".");
        return new DeepGenreClassifier(architecture, shape, config, network, trainedWithCpuLayers,
                new MelNormalizer(shape, split(p.getProperty("normalizer.mean")), split(p.getProperty("normalizer.std"))),
                numClasses, summary);
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
