package org.genrebench.model.pretrained;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.genrebench.dataset.Sample;
import org.genrebench.feature.MusicnnInput;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.GenreClassifier;
import org.genrebench.model.HyperParameter;
import org.genrebench.model.training.Examples;
import org.genrebench.model.training.NetworkTrainer;
import org.genrebench.model.training.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A pre-trained musicnn network fine-tuned end to end: its taggram replaced by a softmax head over the genres, every
 * layer trained by Adam on the training fold's patches (the musicnn input patches, one row of 187 × 96 values each),
 * by {@link NetworkTrainer}: seeded shuffling, a fixed number of epochs, no callbacks. Patch probabilities are
 * averaged per song by the harness.
 */
public final class FineTunedMusicnn implements GenreClassifier<double[]> {
    /** The storage tag of {@link #state()}. */
    public static final String STORAGE = "dl4j-graph";

    public static final List<HyperParameter> PARAMETERS = List.of(
            HyperParameter.choice("hop", "3", List.of("3", "1"), "seconds between patch starts"),
            HyperParameter.integer("epochs", 3, 1, 1000, "passes over the training patches"),
            HyperParameter.integer("batch", 16, 1, 4096, "patches per step"),
            HyperParameter.number("learningRate", "1e-4", 1e-7, 1, "Adam's step size"));

    private final String name;
    private final MusicnnWeights weights;
    private final Map<String, String> params;
    private final long seed;
    private ComputationGraph network;
    private int numClasses;

    public FineTunedMusicnn(String name, MusicnnWeights weights, Map<String, String> overrides, long seed) {
        this.name = name;
        this.weights = weights;
        this.params = HyperParameter.resolve(name, PARAMETERS, overrides);
        this.seed = seed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(List<Sample<double[]>> train, int numClasses) {
        this.numClasses = numClasses;
        Nd4j.getRandom().setSeed(seed);
        network = MusicnnModel.load(weights, MusicnnWeights.configuredDirectory())
                .fineTunable(numClasses, Double.parseDouble(params.get("learningRate")), seed);
        new NetworkTrainer(Integer.parseInt(params.get("epochs")), Integer.parseInt(params.get("batch")), seed,
                NetworkTrainer.Shuffling.FROM_INPUT_ORDER, List.of())
                .fit(TrainableNetwork.of(network), new Patches(train, numClasses), Examples.NONE);
    }

    /** Labelled musicnn input patches as batches. */
    private record Patches(List<Sample<double[]>> patches, int numClasses) implements Examples {
        @Override
        public int size() {
            return patches.size();
        }

        @Override
        public DataSet batch(int[] order, int from, int to) {
            int n = to - from;
            float[][] x = new float[n][];
            INDArray y = Nd4j.zeros(n, numClasses);
            for (int i = 0; i < n; i++) {
                Sample<double[]> s = patches.get(order[from + i]);
                x[i] = toFloat(s.input());
                y.putScalar(i, s.label(), 1.0);
            }
            return new DataSet(MusicnnModel.batch(x, 0, n), y);
        }
    }

    @Override
    public double[][] predictProba(List<double[]> inputs) {
        if (network == null) throw new IllegalStateException(name + " is not fitted");
        double[][] out = new double[inputs.size()][];
        int batch = Integer.parseInt(params.get("batch"));
        for (int from = 0; from < out.length; from += batch) {
            int n = Math.min(batch, out.length - from);
            float[][] x = new float[n][];
            for (int i = 0; i < n; i++) x[i] = toFloat(inputs.get(from + i));
            double[][] p = network.outputSingle(false, MusicnnModel.batch(x, 0, n)).toDoubleMatrix();
            System.arraycopy(p, 0, out, from, n);
        }
        return out;
    }

    private static float[] toFloat(double[] row) {
        if (row.length != MusicnnInput.PATCH_SIZE) throw new IllegalArgumentException("a patch has " + MusicnnInput.PATCH_SIZE + " values, not " + row.length);
        float[] f = new float[row.length];
        for (int i = 0; i < row.length; i++) f[i] = (float) row[i];
        return f;
    }

    @Override
    public Map<String, String> hyperParameters() {
        return params;
    }

    @Override
    public EstimatorState state() throws IOException {
        if (network == null) throw new IllegalStateException(name + " is not fitted");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, false);
        String meta = "name=" + name + "\nweights=" + weights.name() + "\nseed=" + seed + "\nnumClasses=" + numClasses + "\n"
                + String.join("\n", params.entrySet().stream().map(e -> "param." + e.getKey() + "=" + e.getValue()).toList()) + "\n";
        return new EstimatorState(STORAGE, Map.of("network.zip", bytes.toByteArray(), "meta.properties", meta.getBytes(StandardCharsets.UTF_8)));
    }

    /** The fine-tuned model a {@link #state()} describes. */
    public static FineTunedMusicnn restore(EstimatorState state) throws IOException {
        if (!STORAGE.equals(state.storage())) throw new IOException("unknown estimator storage '" + state.storage() + "'");
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(new String(state.entries().get("meta.properties"), StandardCharsets.UTF_8)));
        Map<String, String> params = new java.util.TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("param.")).forEach(k -> params.put(k.substring(6), p.getProperty(k)));
        FineTunedMusicnn m = new FineTunedMusicnn(p.getProperty("name"), MusicnnWeights.valueOf(p.getProperty("weights")), params,
                Long.parseLong(p.getProperty("seed")));
        m.numClasses = Integer.parseInt(p.getProperty("numClasses"));
        m.network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(state.entries().get("network.zip")), false);
        return m;
    }
}
