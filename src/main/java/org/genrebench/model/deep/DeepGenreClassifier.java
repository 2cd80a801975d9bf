package org.genrebench.model.deep;

import org.genrebench.model.deep.cpu.CpuWorkarounds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.GenreClassifier;
import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Samples;
import org.genrebench.util.Permutations;
import org.genrebench.util.UserException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The training and inference side shared by every deep architecture: per-band normalisation fitted on the
 * training fold, a song-disjoint early-stopping split carved from it, seeded shuffling and augmentation ({@link Augmentation}), Adam
 * (configured by the architecture), and persistence. Inputs are flattened mel windows ({@link MelWindowShape});
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
        int[] trainY = labels(split.train(), numClasses);
        List<float[]> valX = Samples.inputs(split.validation());
        int[] valY = labels(split.validation(), numClasses);

        this.numClasses = numClasses;
        this.shape = shapeOf(trainX.get(0).length);
        this.normalizer = MelNormalizer.fit(shape, trainX);
        this.cpuLayers = CpuWorkarounds.active();
        this.network = new MultiLayerNetwork(architecture.configure(shape, numClasses, config, cpuLayers));
        network.init();
        CpuWorkarounds.prepare(network);
        network.setLearningRate(config.schedule().over(config.learningRate(), config.epochs()));
        Nd4j.getRandom().setSeed(config.seed()); // dropout draws from nd4j's global generator

        Random rng = new Random(config.seed());
        Augmentation augmentation = config.augmentation();
        int[] order = WindowBatches.identity(trainX.size());
        WeightAverage average = config.averageDecay() > 0 ? new WeightAverage(config.averageDecay()) : null;
        INDArray bestParams = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0, epoch = 0;
        while (epoch < config.epochs()) {
            epoch++;
            Permutations.shuffle(order, rng);
            for (int from = 0; from < order.length; from += config.batchSize()) {
                int to = Math.min(order.length, from + config.batchSize());
                int n = to - from;
                float[] x = WindowBatches.featureData(trainX, order, from, to, normalizer, shape, augmentation, rng);
                float[] y = WindowBatches.oneHotData(trainY, order, from, to, numClasses);
                Mixup.Mix mix = augmentation.mixupAlpha() > 0 ? Mixup.draw(n, augmentation.mixupAlpha(), rng) : null;
                if (mix != null) {
                    x = mix.apply(x);
                    y = mix.apply(y);
                }
                network.fit(new DataSet(WindowBatches.windows(x, n, shape), Nd4j.create(y, new long[] {n, numClasses}, 'c')));
                if (average != null) average.update(network.params());
            }
            network.incrementEpochCount(); // drives the learning-rate schedule
            if (valX.isEmpty()) {
                bestEpoch = epoch;
                continue;
            }
            INDArray current = null;
            if (average != null) { // validate the averaged weights, then train on from the raw ones
                current = network.params().dup();
                network.setParams(average.average());
            }
            double loss = validationLoss(valX, valY);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestEpoch = epoch;
                bestParams = network.params().dup();
            }
            if (current != null) network.setParams(current);
            if (stopsEarly(epoch, bestEpoch, config)) break;
        }
        if (bestParams != null) {
            network.setParams(bestParams); // early stopping keeps the best epoch, not the last
        } else if (average != null) {
            network.setParams(average.average()); // no validation split: the average after the last epoch
        }
        summary = new TrainingSummary(epoch, bestEpoch, valX.isEmpty() ? Double.NaN : bestLoss);
    }

    /**
     * Early stopping: {@code patience} epochs without a better validation loss, but never before half the epoch
     * budget (Keras' {@code start_from_epoch}): the validation split is a handful of songs, and a deeper net's loss
     * can wobble in its first epochs; without this rule vgg stopped at epoch 7 keeping epoch 2 on the synthetic set.
     */
    static boolean stopsEarly(int epoch, int bestEpoch, DeepConfig config) {
        return config.patience() > 0 && epoch - bestEpoch >= config.patience() && 2 * epoch >= config.epochs();
    }

    private double validationLoss(List<float[]> x, int[] y) {
        int[] order = WindowBatches.identity(x.size());
        double total = 0;
        for (int from = 0; from < x.size(); from += config.batchSize()) {
            int to = Math.min(x.size(), from + config.batchSize());
            DataSet ds = new DataSet(WindowBatches.features(x, order, from, to, normalizer, shape, null, null),
                    WindowBatches.oneHot(y, order, from, to, numClasses));
            total += network.score(ds, false) * (to - from);
        }
        return total / x.size();
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
