package org.genrebench.model.deep;

import org.genrebench.model.deep.cpu.CpuWorkarounds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.GenreClassifier;
import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Samples;
import org.genrebench.util.UserException;
import org.genrebench.model.training.EarlyStopping;
import org.genrebench.model.training.LearningRateScheduling;
import org.genrebench.model.training.NetworkTrainer;
import org.genrebench.model.training.TrainableNetwork;
import org.genrebench.model.training.TrainingCallback;
import org.genrebench.model.training.TrainingSummary;
import org.genrebench.model.training.WeightAverage;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimator every deep architecture is trained and used as: per-band normalisation fitted on the training
 * fold, a song-disjoint early-stopping split carved from it, seeded augmentation ({@link Augmentation}), Adam
 * (configured by the architecture), and persistence. The loop (shuffling, learning-rate schedule, weight averaging,
 * early stopping) is {@link NetworkTrainer}'s. Inputs are flattened mel windows ({@link MelWindowShape});
 * outputs are window probabilities, aggregated to songs by the shared evaluation code like any classifier's.
 *
 * <p>Determinism: initialisation, dropout, shuffling, the split and masking are all seeded, so two fits on one
 * machine and thread count agree closely; multi-threaded float reductions in nd4j/oneDNN may still differ in
 * the last bits between runs, and more between thread counts.
 */
public final class DeepGenreClassifier implements GenreClassifier<float[]> {
    private final NetworkArchitecture architecture;
    private MelWindowShape shape; // bands fixed; frames follow the training windows (fit)
    private final DeepConfig config;

    private MultiLayerNetwork network;
    private boolean cpuLayers; // whether the network was trained with model.deep.cpu's layers
    private MelNormalizer normalizer;
    private int numClasses;
    private TrainingSummary summary;

    public DeepGenreClassifier(NetworkArchitecture architecture, MelWindowShape shape, DeepConfig config) {
        this.architecture = architecture;
        this.shape = shape;
        this.config = config;
    }

    /** A fitted model, as {@link DeepModelState#restore} rebuilds it. */
    DeepGenreClassifier(NetworkArchitecture architecture, MelWindowShape shape, DeepConfig config,
                        MultiLayerNetwork network, boolean cpuLayers, MelNormalizer normalizer, int numClasses,
                        TrainingSummary summary) {
        this(architecture, shape, config);
        this.network = network;
        this.cpuLayers = cpuLayers;
        this.normalizer = normalizer;
        this.numClasses = numClasses;
        this.summary = summary;
    }

    /** The shape of windows of {@code length} values: this model's mel bands, as many frames as they hold. */
    private MelWindowShape shapeOf(int length) {
        if (length % shape.bands() != 0) {
            throw new IllegalArgumentException("a window of " + length + " values is not " + shape.bands() + " mel bands by whole frames");
        }
        return new MelWindowShape(shape.bands(), length / shape.bands());
    }

    /** An unfitted network for 128-band windows; the frames per window are taken from the training windows. */
    public static DeepGenreClassifier of(NetworkArchitecture architecture, DeepConfig config) {
        return new DeepGenreClassifier(architecture, MelWindowShape.DEFAULT, config);
    }

    /** The storage tag of {@link #state()}, which {@link #restore} reads. */
    public static final String STORAGE = DeepModelState.STORAGE;

    /** The model whose {@link #state()} this is; {@link #predictProba} then gives the same probabilities. */
    public static DeepGenreClassifier restore(EstimatorState state, NetworkArchitecture.Design design) throws IOException {
        return DeepModelState.restore(state, design);
    }

    @Override
    public String name() {
        return architecture.name();
    }

    @Override
    public void fit(List<Sample<float[]>> train, int numClasses) {
        if (train.isEmpty()) throw new IllegalArgumentException("no training windows");
        if (numClasses < 2) throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
        CpuWorkarounds.install(config.threads());
        ValidationSplit<float[]> split = ValidationSplit.carve(train, config.validationShare(), config.seed());
        List<float[]> trainX = Samples.inputs(split.train()); // views: windows may be read from disk on access

        this.numClasses = numClasses;
        this.shape = shapeOf(trainX.get(0).length);
        this.normalizer = MelNormalizer.fit(shape, trainX);
        this.cpuLayers = CpuWorkarounds.active();
        this.network = new MultiLayerNetwork(architecture.configure(shape, numClasses, config, cpuLayers));
        network.init();
        CpuWorkarounds.prepare(network);

        EarlyStopping earlyStopping = new EarlyStopping(config.patience(), config.epochs());
        List<TrainingCallback> callbacks = new ArrayList<>();
        callbacks.add(new LearningRateScheduling(config.schedule().over(config.learningRate(), config.epochs())));
        if (config.averageDecay() > 0) callbacks.add(new WeightAverage(config.averageDecay()));
        callbacks.add(earlyStopping); // after the average: validates it, and its best epoch is the final model
        new NetworkTrainer(config.epochs(), config.batchSize(), config.seed(), NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, callbacks)
                .fit(TrainableNetwork.of(network), examples(split.train()), examples(split.validation()));
        summary = earlyStopping.summary();
    }

    /** The windows as batches for the trainer (the validation ones are never augmented: it asks for them as they are). */
    private MelWindowExamples examples(List<Sample<float[]>> samples) {
        return new MelWindowExamples(Samples.inputs(samples), labels(samples, numClasses), numClasses, normalizer, shape,
                config.augmentation());
    }

    @Override
    public double[][] predictProba(List<float[]> inputs) {
        if (network == null) throw new IllegalStateException(name() + " is not fitted");
        double[][] out = new double[inputs.size()][];
        int[] order = WindowBatches.identity(inputs.size());
        for (int from = 0; from < inputs.size(); from += config.batchSize()) {
            int to = Math.min(inputs.size(), from + config.batchSize());
            INDArray p = network.output(WindowBatches.features(inputs, order, from, to, normalizer, shape, null, null), false);
            for (int i = from; i < to; i++) {
                out[i] = p.getRow(i - from).toDoubleVector();
            }
        }
        return out;
    }

    @Override
    public Map<String, String> hyperParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", architecture.name());
        m.put("width", Integer.toString(architecture.width()));
        m.put("input", architecture.stem() ? "2x2 stem" : "full resolution");
        m.put("window", shape.toString());
        m.putAll(config.toMap());
        if (network != null) m.put("parameters", Long.toString(network.numParams()));
        if (summary != null) {
            m.put("epochsRun", Integer.toString(summary.epochsRun()));
            m.put("bestEpoch", Integer.toString(summary.bestEpoch()));
        }
        return m;
    }

    @Override
    public EstimatorState state() throws IOException {
        if (network == null) throw new IllegalStateException(name() + " is not fitted");
        return DeepModelState.of(this);
    }

    private static int[] labels(List<Sample<float[]>> samples, int numClasses) {
        int[] y = new int[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).label();
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new UserException("label " + y[i] + " of song " + samples.get(i).songId()
                        + " is outside [0, " + numClasses + ")");
            }
        }
        return y;
    }

    public NetworkArchitecture architecture() {
        return architecture;
    }

    public MelWindowShape shape() {
        return shape;
    }

    public DeepConfig config() {
        return config;
    }

    /** Whether the network was trained with the CPU layers of {@code model.deep.cpu} (false: DL4J's stock layers). */
    public boolean trainedWithCpuLayers() {
        return cpuLayers;
    }

    /** The trained network, or {@code null} before {@link #fit}. */
    public MultiLayerNetwork network() {
        return network;
    }

    public MelNormalizer normalizer() {
        return normalizer;
    }

    public int numClasses() {
        return numClasses;
    }

    /** Early-stopping outcome of the last {@link #fit}, or {@code null}. */
    public TrainingSummary trainingSummary() {
        return summary;
    }
}
