package org.genrebench.bench;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.MelWindowShape;
import org.genrebench.model.deep.NetworkArchitecture;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The benchmark networks and their random input batches (shared by {@link DeepBench} and {@link StepTimer}). */
final class BenchNets {
    static final MelWindowShape SHAPE = MelWindowShape.DEFAULT;
    static final int CLASSES = 10;

    private BenchNets() {
    }

    /**
     * The two-conv toy network in DL4J's default configuration (only the layers, the input type and
     * Adam are set): conv 3x3x16 -> ReLU -> max-pool 2 -> conv 3x3x32 -> ReLU -> global average pool ->
     * dense 10 softmax. {@code format} and {@code workspaces} are the knobs tried in results/benchmarks.md.
     */
    static MultiLayerConfiguration toy(CNN2DFormat format, WorkspaceMode workspaces) {
        return new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(1e-3))
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).dataFormat(format).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).dataFormat(format).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).dataFormat(format).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SHAPE.bands(), SHAPE.frames(), 1, format))
                .build();
    }

    /** {@code toy}, {@code toy-nhwc}, {@code toy-nows} or one of the GenreBench architectures at default width. */
    static MultiLayerNetwork network(String name) {
        return network(name, NetworkArchitecture.DEFAULT_WIDTH, true);
    }

    /** As {@link #network(String)} with the architectures at base width {@code width}, with or without the stem. */
    static MultiLayerNetwork network(String name, int width, boolean stem) {
        MultiLayerConfiguration conf = switch (name) {
            case "toy" -> toy(CNN2DFormat.NCHW, WorkspaceMode.ENABLED);
            case "toy-nhwc" -> toy(CNN2DFormat.NHWC, WorkspaceMode.ENABLED);
            case "toy-nows" -> toy(CNN2DFormat.NCHW, WorkspaceMode.NONE);
            default -> org.genrebench.catalog.ModelRegistry.architecture(name, java.util.Map.of("width", Integer.toString(width),
                    "fullResolution", Boolean.toString(!stem))).configure(SHAPE, CLASSES, DeepConfig.DEFAULT);
        };
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return org.genrebench.model.deep.cpu.CpuWorkarounds.prepare(net);
    }

    /** A seeded random batch; NHWC gets the same bytes as NCHW, as {@code WindowBatches} does for one channel. */
    static DataSet batch(String name, int size) {
        Nd4j.getRandom().setSeed(7);
        long[] dims = name.endsWith("nhwc") ? new long[] {size, SHAPE.bands(), SHAPE.frames(), 1}
                : new long[] {size, 1, SHAPE.bands(), SHAPE.frames()};
        var labels = Nd4j.zeros(size, CLASSES);
        for (int i = 0; i < size; i++) labels.putScalar(i, i % CLASSES, 1f);
        return new DataSet(Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, dims), labels);
    }
}
