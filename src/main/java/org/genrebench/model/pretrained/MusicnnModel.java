package org.genrebench.model.pretrained;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genrebench.feature.MusicnnInput;
import org.genrebench.model.deep.cpu.CpuWorkarounds;
import org.genrebench.util.UserException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pre-trained musicnn model ({@link MusicnnWeights}) running in deeplearning4j: patches of
 * {@link MusicnnInput} in, musicnn's feature layers out, one row per patch.
 *
 * <p>Layers of the {@code musicnn} models ({@link MusicnnGraph}): {@code timbral} (187 × 408, per frame),
 * {@code temporal} (187 × 153), {@code cnn1}, {@code cnn2}, {@code cnn3} (187 × 64 each), {@code mean_pool} and
 * {@code max_pool} (753 each), {@code penultimate} (200) and {@code taggram} (50 tag probabilities). Layers of the
 * {@code vgg} models ({@link VggGraph}): {@code pool1} … {@code pool5} (time × frequency × 128; {@code pool5} is
 * 2 × 1 × 128) and {@code taggram}. A row holds a layer's values in musicnn's (TensorFlow's) order: time-major
 * for per-frame layers ({@code row[t · channels + c]}), {@code [h, w, c]} for the vgg pools.
 *
 * <p>One forward pass computes every layer; patches run in batches of {@link #batchSize()}. Calls are serialised
 * (one forward pass at a time; nd4j's own threads run inside it).
 */
public final class MusicnnModel {
    /** Patches per forward pass unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** The taggram's layer name in every model. */
    public static final String TAGGRAM = "taggram";

    /** How a graph output becomes rows: as is, through a sigmoid (vgg's logits), or an NHWC map flattened in its own order. */
    private enum Layout { VECTOR, SIGMOID, MAP }

    private record Output(int index, int[] shape, Layout layout) {
        int width() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    private final MusicnnWeights weights;
    private final ComputationGraph graph;
    private final Map<String, Output> outputs;
    private int batchSize = DEFAULT_BATCH_SIZE;

    private MusicnnModel(MusicnnWeights weights, ComputationGraph graph, Map<String, Output> outputs) {
        this.weights = weights;
        this.graph = graph;
        this.outputs = outputs;
    }

    /** Loads model {@code which} from {@code dir}; a missing file is a UserException naming the download command. */
    public static MusicnnModel load(MusicnnWeights which, Path dir) {
        return load(which.file(dir));
    }

    /**
     * Loads one of the four published model files, recognised by its SHA-256 (any name); any other file is a
     * UserException saying to fetch the models again.
     */
    public static MusicnnModel load(Path h5) {
        if (!Files.isRegularFile(h5)) {
            Path dir = h5.toAbsolutePath().getParent();
            throw new UserException("pre-trained model " + h5 + " not found; fetch the musicnn models with: "
                    + MusicnnWeights.DOWNLOAD_COMMAND + (dir == null ? "DIR" : dir));
        }
        MusicnnWeights which = identify(h5);
        CpuWorkarounds.install(0);
        try (KerasFile file = KerasFile.open(h5)) {
            return switch (which.architecture()) {
                case MUSICNN -> of(which, MusicnnGraph.load(file), MusicnnGraph.OUTPUTS);
                case VGG -> of(which, VggGraph.load(file), VggGraph.OUTPUTS);
            };
        }
    }

    private static MusicnnWeights identify(Path h5) {
        String digest;
        try {
            digest = MusicnnWeights.MSD_MUSICNN.sha256().digestOf(h5);
        } catch (IOException e) {
            throw new UserException("cannot read " + h5 + " (" + e.getMessage() + ")", e);
        }
        for (MusicnnWeights w : MusicnnWeights.values()) if (w.sha256().hex().equals(digest)) return w;
        Path dir = h5.toAbsolutePath().getParent();
        throw new UserException(h5 + " is not one of the published musicnn models (SHA-256 " + digest
                + "); fetch them again with: " + MusicnnWeights.DOWNLOAD_COMMAND + (dir == null ? "DIR" : dir));
    }

    /** Both graphs are NHWC: a patch is a (187 × 96 × 1) image, and per-frame maps are (187 × 1 × channels). */
    private static MusicnnModel of(MusicnnWeights which, ComputationGraph graph, List<String> vertices) {
        InputType input = InputType.convolutional(MusicnnInput.PATCH_FRAMES, MusicnnInput.MELS, 1, CNN2DFormat.NHWC);
        Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(input);
        Map<String, Output> outputs = new LinkedHashMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            String vertex = vertices.get(i);
            InputType type = types.get(vertex);
            if (vertex.equals("output")) {
                outputs.put(TAGGRAM, new Output(i, new int[]{(int) type.arrayElementsPerExample()}, Layout.SIGMOID));
            } else if (type instanceof InputType.InputTypeConvolutional c) {
                if (c.getFormat() != CNN2DFormat.NHWC) throw new IllegalStateException(vertex + " is not NHWC: " + c);
                int[] shape = which.architecture() == MusicnnWeights.Architecture.MUSICNN
                        ? new int[]{(int) c.getHeight(), (int) (c.getWidth() * c.getChannels())} // width 1: per frame
                        : new int[]{(int) c.getHeight(), (int) c.getWidth(), (int) c.getChannels()};
                outputs.put(vertex, new Output(i, shape, Layout.MAP));
            } else {
                outputs.put(vertex, new Output(i, new int[]{(int) type.arrayElementsPerExample()}, Layout.VECTOR));
            }
        }
        return new MusicnnModel(which, graph, outputs);
    }

    public MusicnnWeights weights() {
        return weights;
    }

    /** The 50 tags of the taggram, in its column order. */
    public List<String> tags() {
        return weights.tags();
    }

    /** The feature layers this model gives, in network order; the last is {@value #TAGGRAM}. */
    public List<String> layers() {
        return List.copyOf(outputs.keySet());
    }

    /** A layer's values per patch as musicnn shapes them, e.g. {@code [187, 408]} for {@code timbral}, {@code [753]} for {@code max_pool}. */
    public int[] shape(String layer) {
        return output(layer).shape().clone();
    }

    /** Values of one row of {@link #embed} for this layer. */
    public int width(String layer) {
        return output(layer).width();
    }

    public int batchSize() {
        return batchSize;
    }

    /** Patches per forward pass: more is faster up to a point and takes more memory (~10 MB a patch for musicnn). */
    public MusicnnModel batchSize(int patches) {
        if (patches < 1) throw new IllegalArgumentException("batch size must be positive: " + patches);
        this.batchSize = patches;
        return this;
    }

    /** The taggram of each patch: 50 tag probabilities in {@link #tags()} order. */
    public float[][] taggram(float[][] patches) {
        return embed(patches, TAGGRAM);
    }

    /** One layer's values for each patch ({@value MusicnnInput#PATCH_SIZE} values each, as {@link MusicnnInput} cuts them). */
    public float[][] embed(float[][] patches, String layer) {
        return embed(patches, List.of(layer)).get(layer);
    }

    /** Several layers from one forward pass, by layer name in the order asked. */
    public synchronized Map<String, float[][]> embed(float[][] patches, Collection<String> layers) {
        Map<String, float[][]> out = new LinkedHashMap<>();
        for (String layer : layers) {
            output(layer); // an unknown name fails before any work
            out.put(layer, new float[patches.length][]);
        }
        for (float[] p : patches) {
            if (p.length != MusicnnInput.PATCH_SIZE) {
                throw new IllegalArgumentException("a patch has " + MusicnnInput.PATCH_SIZE + " values (187 frames × 96 bands), not " + p.length);
            }
        }
        for (int from = 0; from < patches.length; from += batchSize) {
            int n = Math.min(batchSize, patches.length - from);
            INDArray[] results = graph.output(false, batch(patches, from, n));
            for (String layer : layers) {
                float[][] rows = rows(results[output(layer).index()], output(layer), n);
                System.arraycopy(rows, 0, out.get(layer), from, n);
            }
        }
        return out;
    }

    /** Patches {@code from … from+n−1} as the network's input array, [n, 187, 96, 1]. */
    public static INDArray batch(float[][] patches, int from, int n) {
        float[] flat = new float[n * MusicnnInput.PATCH_SIZE];
        for (int i = 0; i < n; i++) System.arraycopy(patches[from + i], 0, flat, i * MusicnnInput.PATCH_SIZE, MusicnnInput.PATCH_SIZE);
        return Nd4j.create(flat, new long[]{n, MusicnnInput.PATCH_FRAMES, MusicnnInput.MELS, 1}, 'c');
    }

    /**
     * A copy of this musicnn network for fine-tuning end to end: every layer trainable, the taggram replaced by a new
     * softmax head of {@code numClasses} on {@code penultimate}, Adam at {@code learningRate}; the head is the only output.
     */
    public ComputationGraph fineTunable(int numClasses, double learningRate, long seed) {
        if (weights.architecture() != MusicnnWeights.Architecture.MUSICNN) {
            throw new UserException(weights.id() + " is a vgg model; fine-tuning is implemented for the musicnn models");
        }
        var builder = new org.deeplearning4j.nn.transferlearning.TransferLearning.GraphBuilder(graph.clone())
                .fineTuneConfiguration(new org.deeplearning4j.nn.transferlearning.FineTuneConfiguration.Builder()
                        .updater(new org.nd4j.linalg.learning.config.Adam(learningRate)).seed(seed).build());
        // The feature outputs that feed nothing else (timbral, temporal, the taggram) go; the head is the only output.
        var inputsOf = graph.getConfiguration().getVertexInputs();
        for (String out : graph.getConfiguration().getNetworkOutputs()) {
            if (inputsOf.values().stream().noneMatch(in -> in.contains(out))) builder.removeVertexAndConnections(out);
        }
        return builder
                // the input type again, so that the merge vertices keep concatenating NHWC channels (axis 3) in training
                .setInputTypes(InputType.convolutional(MusicnnInput.PATCH_FRAMES, MusicnnInput.MELS, 1, org.deeplearning4j.nn.conf.CNN2DFormat.NHWC))
                .addLayer("head", new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(
                        org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT).nIn(width("penultimate")).nOut(numClasses)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                        .weightInit(org.deeplearning4j.nn.weights.WeightInit.XAVIER).build(), "penultimate")
                .setOutputs("head")
                .build();
    }

    private Output output(String layer) {
        Output o = outputs.get(layer);
        if (o == null) throw new IllegalArgumentException("no layer '" + layer + "' in " + weights.id() + "; layers: " + layers());
        return o;
    }

    private static float[][] rows(INDArray a, Output o, int n) {
        INDArray m = switch (o.layout()) {
            case VECTOR, SIGMOID -> a;
            case MAP -> a.dup('c').reshape(n, o.width());
        };
        float[][] rows = m.toFloatMatrix();
        if (o.layout() == Layout.SIGMOID) {
            for (float[] r : rows) for (int j = 0; j < r.length; j++) r[j] = (float) (1 / (1 + Math.exp(-r[j])));
        }
        return rows;
    }
}
