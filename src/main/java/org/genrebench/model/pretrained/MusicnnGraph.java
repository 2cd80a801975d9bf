package org.genrebench.model.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genrebench.feature.MusicnnInput;
import org.genrebench.util.UserException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code *_musicnn} network rebuilt from DL4J's built-in layers and vertices, NHWC with the patch as a
 * one-channel (187 time × 96 mel) image, and loaded with the Keras file's weights. The Keras graph runs 21
 * TensorFlow ops (pad, squeeze, concat, transpose, add, mean, max) that DL4J cannot import; each maps onto a
 * stock piece here, and {@link #requireMusicnn} checks the file's {@code model_config} says what this class builds
 * (kernel sizes, paddings, pooling, which tensors are added and concatenated in which order):
 * <ul>
 *   <li>front end: batch norm of the input; timbral branch = zero padding of 3 frames on both sides, then conv
 *       7×38 and 7×67 (204 filters each, ReLU, valid), batch norm, max over the remaining 59 and 30 frequency
 *       positions; temporal branch = conv 128×1, 64×1, 32×1 (51 filters each, ReLU, TensorFlow {@code same}
 *       padding: ⌊(k−1)/2⌋ frames before, the rest after, as an explicit zero-padding layer), batch norm, max over
 *       the 96 bands. The five results, concatenated as channels, are 561 channels × 187 frames. Here each branch
 *       max-pools its convolution output first, then applies ReLU and batch norm to the pooled values: for a
 *       batch-norm scale {@code a ≥ 0}, {@code max(a·relu(z) + b) = a·relu(max z) + b}; for {@code a < 0} it is
 *       {@code a·relu(min z) + b}, so those filters are negated ({@code min z = −max(−z)}) and a 1×1 depthwise
 *       convolution of ±1 before the ReLU restores the sign. Same function (monotone maps commute with max, in
 *       float32 too), and the large convolution outputs are never passed through ReLU and batch norm;</li>
 *   <li>mid end: Keras convolves the (187 × 561 × 1) map with 7×561 kernels, which is a 7×1 convolution over 561
 *       channels here (the Keras kernel {@code [7, 561, 1, 64]} becomes {@code [64, 561, 7, 1]}); three such
 *       layers of 64 filters with ReLU and batch norm, the second and third with residual additions
 *       ({@code cnn2 = bn2 + cnn1}, {@code cnn3 = bn3 + cnn2}); the front end and the three are concatenated
 *       to 753 channels;</li>
 *   <li>back end: max and mean over the 187 frames, concatenated to 1 506 values as [max | mean]; Keras's flatten
 *       interleaves them (max₀, mean₀, max₁, …), so the batch norm of the pooled values and the rows of the first
 *       dense layer are permuted to match; dense 200 (ReLU), batch norm (the {@code penultimate} features), dense
 *       50 with a sigmoid (the taggram).</li>
 * </ul>
 * Batch norm uses Keras's ε = 1e-3 and its moving statistics. Dropout layers are inference no-ops and left out.
 */
final class MusicnnGraph {
    private static final CNN2DFormat NHWC = CNN2DFormat.NHWC;
    /** Outputs of the graph, named after musicnn's feature names. */
    static final List<String> OUTPUTS = List.of("timbral", "temporal", "cnn1", "cnn2", "cnn3", "mean_pool", "max_pool",
            "penultimate", "taggram");
    /** Parameters of the Keras model. */
    static final int PARAMETERS = 792_079;
    private static final double KERAS_EPSILON = 1e-3;
    private MusicnnGraph() {
    }

    /** The timbral and temporal branches: Keras conv layer, its batch norm, kernel size and the pooled width. */
    private record Branch(String name, String conv, String bn, int kh, int kw, int filters) {
    }

    private static final List<Branch> BRANCHES = List.of(
            new Branch("timbral_38", "conv2d", "batch_normalization_1", 7, 38, 204),
            new Branch("timbral_67", "conv2d_1", "batch_normalization_2", 7, 67, 204),
            new Branch("temporal_128", "conv2d_2", "batch_normalization_3", 128, 1, 51),
            new Branch("temporal_64", "conv2d_3", "batch_normalization_4", 64, 1, 51),
            new Branch("temporal_32", "conv2d_4", "batch_normalization_5", 32, 1, 51));

    /**
     * The parts of the Keras graph this class hard-codes, as the file's {@code model_config} states them: layer →
     * JSON path (in the layer's {@code config}, or {@code inbound} for its input layers) → the expected JSON.
     */
    private static final String[][] EXPECTED = {
            {"conv2d", "kernel_size", "[7,38]"}, {"conv2d", "filters", "204"}, {"conv2d", "padding", "\"valid\""},
            {"conv2d", "inbound", "[\"tf_op_layer_Pad\"]"},
            {"conv2d_1", "kernel_size", "[7,67]"}, {"conv2d_1", "filters", "204"}, {"conv2d_1", "padding", "\"valid\""},
            {"conv2d_2", "kernel_size", "[128,1]"}, {"conv2d_2", "filters", "51"}, {"conv2d_2", "padding", "\"same\""},
            {"conv2d_3", "kernel_size", "[64,1]"}, {"conv2d_3", "filters", "51"}, {"conv2d_3", "padding", "\"same\""},
            {"conv2d_4", "kernel_size", "[32,1]"}, {"conv2d_4", "filters", "51"}, {"conv2d_4", "padding", "\"same\""},
            {"conv2d_4", "inbound", "[\"batch_normalization\"]"},
            {"tf_op_layer_Pad", "constants", "{\"1\":[[0,0],[3,3],[0,0],[0,0]]}"},
            {"max_pooling2d", "pool_size", "[1,59]"}, {"max_pooling2d_1", "pool_size", "[1,30]"},
            {"max_pooling2d_2", "pool_size", "[1,96]"}, {"max_pooling2d_3", "pool_size", "[1,96]"}, {"max_pooling2d_4", "pool_size", "[1,96]"},
            {"max_pooling2d", "inbound", "[\"batch_normalization_1\"]"}, {"batch_normalization_1", "inbound", "[\"conv2d\"]"},
            {"max_pooling2d_4", "inbound", "[\"batch_normalization_5\"]"}, {"batch_normalization_5", "inbound", "[\"conv2d_4\"]"},
            {"tf_op_layer_concat", "inbound", "[\"tf_op_layer_Squeeze\",\"tf_op_layer_Squeeze_1\",\"tf_op_layer_Squeeze_2\",\"tf_op_layer_Squeeze_3\",\"tf_op_layer_Squeeze_4\"]"},
            {"tf_op_layer_Squeeze_4", "inbound", "[\"max_pooling2d_4\"]"},
            {"tf_op_layer_Pad_1", "constants", "{\"1\":[[0,0],[3,3],[0,0],[0,0]]}"},
            {"tf_op_layer_Pad_2", "constants", "{\"1\":[[0,0],[3,3],[0,0],[0,0]]}"},
            {"tf_op_layer_Pad_3", "constants", "{\"1\":[[0,0],[3,3],[0,0],[0,0]]}"},
            {"midend_conv1", "kernel_size", "[7,561]"}, {"midend_conv2", "kernel_size", "[7,64]"}, {"midend_conv3", "kernel_size", "[7,64]"},
            {"tf_op_layer_Add", "inbound", "[\"tf_op_layer_transpose_1\",\"tf_op_layer_transpose\"]"},
            {"tf_op_layer_Add_1", "inbound", "[\"tf_op_layer_transpose_2\",\"tf_op_layer_Add\"]"},
            {"tf_op_layer_Pad_3", "inbound", "[\"tf_op_layer_Add\"]"},
            {"tf_op_layer_concat_1", "inbound", "[\"tf_op_layer_ExpandDims\",\"tf_op_layer_transpose\",\"tf_op_layer_Add\",\"tf_op_layer_Add_1\"]"},
            {"tf_op_layer_concat_2", "inbound", "[\"tf_op_layer_Max\",\"tf_op_layer_moments/Squeeze\"]"},
            {"bn_flatpool", "inbound", "[\"flatten\"]"}, {"dense", "units", "200"}, {"dense", "activation", "\"relu\""},
            {"dense_1", "units", "50"}, {"activation", "activation", "\"sigmoid\""},
    };

    /** Throws a UserException naming the first part of the file's graph that differs from the one built here. */
    static void requireMusicnn(JsonNode config, java.nio.file.Path file) {
        Map<String, JsonNode> layers = new LinkedHashMap<>();
        for (JsonNode layer : config.path("config").path("layers")) layers.put(layer.path("name").asText(), layer);
        for (String[] e : EXPECTED) {
            JsonNode layer = layers.get(e[0]);
            String actual;
            if (layer == null) {
                actual = "no such layer";
            } else if (e[1].equals("inbound")) {
                List<String> inputs = new ArrayList<>();
                for (JsonNode in : layer.path("inbound_nodes").path(0)) inputs.add(in.path(0).asText());
                actual = inputs.stream().map(i -> "\"" + i + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
            } else {
                actual = layer.path("config").path(e[1]).toString();
            }
            if (!actual.equals(e[2])) {
                throw new UserException(file + " is not a musicnn model as published: layer " + e[0] + " has " + e[1]
                        + " " + actual + ", expected " + e[2]);
            }
        }
    }

    static ComputationGraph load(KerasFile file) {
        requireMusicnn(file.modelConfig(), file.file());
        ComputationGraph graph = new ComputationGraph(configuration());
        graph.init();
        Map<String, INDArray> loaded = weights(file);
        long count = 0;
        for (Map.Entry<String, INDArray> e : loaded.entrySet()) {
            int cut = e.getKey().lastIndexOf('_');
            INDArray target = graph.getLayer(e.getKey().substring(0, cut)).getParam(e.getKey().substring(cut + 1));
            INDArray source = e.getValue();
            if (target.length() != source.length()) {
                throw new UserException(file.file() + ": weights " + e.getKey() + " have " + source.length() + " values, the network needs " + target.length());
            }
            target.assign(source.dup('c').reshape(target.shape()));
            count += source.length();
        }
        if (count != graph.numParams() || count != PARAMETERS + 2 * 204 + 3 * 51) { // the Keras weights and a sign per front-end filter
            throw new IllegalStateException("musicnn graph has " + graph.numParams() + " parameters, " + count + " loaded");
        }
        return graph;
    }

    static ComputationGraphConfiguration configuration() {
        var b = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(MusicnnInput.PATCH_FRAMES, MusicnnInput.MELS, 1, NHWC));
        b.addLayer("bn_input", batchNorm(1), "input");
        b.addLayer("pad_timbral", padTime(3, 3), "bn_input");
        List<String> branches = new ArrayList<>();
        for (Branch br : BRANCHES) {
            String in = "pad_timbral";
            if (br.kw() == 1) { // TensorFlow 'same' padding along time
                int before = (br.kh() - 1) / 2, after = br.kh() - 1 - before;
                in = "pad_" + br.name();
                b.addLayer(in, padTime(before, after), "bn_input");
            }
            b.addLayer(br.name(), conv(br.kh(), br.kw(), 1, br.filters(), Activation.IDENTITY), in);
            int width = MusicnnInput.MELS - br.kw() + 1;
            b.addLayer("pool_" + br.name(), new SubsamplingLayer.Builder(PoolingType.MAX)
                    .kernelSize(1, width).stride(1, width).dataFormat(NHWC).build(), br.name());
            b.addLayer("relu_" + br.name(), new DepthwiseConvolution2D.Builder(1, 1).nIn(br.filters()).depthMultiplier(1)
                    .hasBias(false).activation(Activation.RELU).dataFormat(NHWC).build(), "pool_" + br.name());
            b.addLayer("bn_" + br.name(), batchNorm(br.filters()), "relu_" + br.name());
            branches.add("bn_" + br.name());
        }
        b.addVertex("frontend", new MergeVertex(), branches.toArray(String[]::new));
        b.addVertex("timbral", new MergeVertex(), branches.get(0), branches.get(1));
        b.addVertex("temporal", new MergeVertex(), branches.get(2), branches.get(3), branches.get(4));
        int channels = 2 * 204 + 3 * 51;
        String previous = "frontend";
        for (int i = 1; i <= 3; i++) {
            b.addLayer("pad_midend_conv" + i, padTime(3, 3), previous);
            b.addLayer("midend_conv" + i, conv(7, 1, i == 1 ? channels : 64, 64, Activation.RELU), "pad_midend_conv" + i);
            b.addLayer(midendNorm(i), batchNorm(64), "midend_conv" + i);
            if (i > 1) b.addVertex("cnn" + i, new ElementWiseVertex(ElementWiseVertex.Op.Add), midendNorm(i), previous);
            previous = "cnn" + i;
        }
        b.addVertex("midend", new MergeVertex(), "frontend", "cnn1", "cnn2", "cnn3");
        b.addLayer("max_pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).poolingDimensions(1, 2).build(), "midend");
        b.addLayer("mean_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).poolingDimensions(1, 2).build(), "midend");
        b.addVertex("pooled", new MergeVertex(), "max_pool", "mean_pool");
        b.addLayer("bn_flatpool", batchNormVector(2 * 753), "pooled");
        b.addLayer("dense", new DenseLayer.Builder().nIn(2 * 753).nOut(200).activation(Activation.RELU).build(), "bn_flatpool");
        b.addLayer("penultimate", batchNormVector(200), "dense");
        b.addLayer("taggram", new DenseLayer.Builder().nIn(200).nOut(50).activation(Activation.SIGMOID).build(), "penultimate");
        b.setOutputs(OUTPUTS.toArray(String[]::new));
        return b.build();
    }

    private static ZeroPaddingLayer padTime(int before, int after) {
        return new ZeroPaddingLayer.Builder(before, after, 0, 0).dataFormat(NHWC).build();
    }

    /** The batch norm of mid-end layer i: the first is itself the {@code cnn1} feature, the others are added to the one before. */
    private static String midendNorm(int i) {
        return i == 1 ? "cnn1" : "bn_midend_conv" + i;
    }

    private static ConvolutionLayer conv(int kh, int kw, int in, int out, Activation activation) {
        return new ConvolutionLayer.Builder(kh, kw).nIn(in).nOut(out).stride(1, 1).dataFormat(NHWC)
                .convolutionMode(ConvolutionMode.Truncate).activation(activation).build();
    }

    /** Batch norm over the channels of an NHWC map. */
    private static BatchNormalization batchNorm(int channels) {
        return new BatchNormalization.Builder().nIn(channels).nOut(channels).eps(KERAS_EPSILON).useLogStd(false)
                .dataFormat(NHWC).build();
    }

    /** Batch norm of a vector (the data format of a map would make oneDNN normalise the wrong axis). */
    private static BatchNormalization batchNormVector(int size) {
        return new BatchNormalization.Builder().nIn(size).nOut(size).eps(KERAS_EPSILON).useLogStd(false).build();
    }

    /** The file's weights in DL4J's layouts, keyed {@code <dl4j layer>_<param>}. */
    private static Map<String, INDArray> weights(KerasFile f) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        bn(w, f, "batch_normalization", "bn_input", null);
        for (Branch br : BRANCHES) {
            // a filter whose batch norm has a negative scale is negated: max-pooling it gives minus the minimum
            float[] sign = f.weight(br.bn(), "gamma").toFloatVector();
            for (int c = 0; c < sign.length; c++) sign[c] = sign[c] < 0 ? -1f : 1f;
            INDArray kernel = f.weight(br.conv(), "kernel");
            float[] k = kernel.dup('c').reshape(kernel.length()).toFloatVector(); // [kh, kw, 1, out], out fastest
            for (int i = 0; i < k.length; i++) k[i] *= sign[i % sign.length];
            w.put(br.name() + "_W", Nd4j.create(k, kernel.shape(), 'c').permute(3, 2, 0, 1)); // -> [out, 1, kh, kw]
            w.put(br.name() + "_b", f.weight(br.conv(), "bias").mul(Nd4j.create(sign)));
            w.put("relu_" + br.name() + "_W", Nd4j.create(sign));
            bn(w, f, br.bn(), "bn_" + br.name(), null);
        }
        for (int i = 1; i <= 3; i++) {
            // [7, channels, 1, 64] -> [64, channels, 7, 1]: the Keras width axis is the channel axis here
            w.put("midend_conv" + i + "_W", f.weight("midend_conv" + i, "kernel").permute(3, 1, 0, 2));
            w.put("midend_conv" + i + "_b", f.weight("midend_conv" + i, "bias"));
            bn(w, f, "bn_midend_conv" + i, midendNorm(i), null);
        }
        int[] order = pooledOrder(753);
        bn(w, f, "bn_flatpool", "bn_flatpool", order);
        w.put("dense_W", rows(f.weight("dense", "kernel"), order));
        w.put("dense_b", f.weight("dense", "bias"));
        bn(w, f, "bn_dense", "penultimate", null);
        w.put("taggram_W", f.weight("dense_1", "kernel"));
        w.put("taggram_b", f.weight("dense_1", "bias"));
        return w;
    }

    private static void bn(Map<String, INDArray> w, KerasFile f, String keras, String dl4j, int[] order) {
        String[][] names = {{"gamma", "gamma"}, {"beta", "beta"}, {"moving_mean", "mean"}, {"moving_variance", "var"}};
        for (String[] n : names) {
            INDArray v = f.weight(keras, n[0]);
            w.put(dl4j + "_" + n[1], order == null ? v : rows(v.reshape(v.length(), 1), order).reshape(v.length()));
        }
    }

    /**
     * Position {@code j} of the [max | mean] concatenation here holds Keras's flattened value {@code order[j]}:
     * Keras flattens the (channels × 2) array of (max, mean) pairs row by row.
     */
    static int[] pooledOrder(int channels) {
        int[] order = new int[2 * channels];
        for (int c = 0; c < channels; c++) {
            order[c] = 2 * c;
            order[channels + c] = 2 * c + 1;
        }
        return order;
    }

    /** The rows {@code order[0], order[1], …} of a matrix, as a new array. */
    private static INDArray rows(INDArray m, int[] order) {
        INDArray out = Nd4j.create(m.dataType(), order.length, m.size(1));
        for (int j = 0; j < order.length; j++) out.putRow(j, m.getRow(order[j]));
        return out;
    }
}
