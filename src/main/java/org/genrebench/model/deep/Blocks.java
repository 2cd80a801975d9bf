package org.genrebench.model.deep;

import org.genrebench.model.deep.cpu.BatchNormReluPool;
import org.genrebench.model.deep.cpu.AveragePoolStem;
import org.genrebench.model.deep.cpu.JavaConvolutionLayer;
import org.genrebench.model.deep.cpu.ReluActivation;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Building blocks shared by the architectures, so each one reads as its layer list and nothing else. */
final class Blocks {
    /**
     * Activation layout inside the conv stacks. NHWC crashes the JVM with DL4J M2.1's oneDNN helpers
     * (docs/deep-cpu-speed.md); the input bytes are identical either way (one channel).
     */
    static final CNN2DFormat FORMAT = CNN2DFormat.NCHW;

    private Blocks() {
    }

    /**
     * Common network settings: seeded He init, Adam, float32, "same" padding, and workspaces for training
     * and inference (they reuse activation memory between iterations instead of allocating per step).
     */
    static NeuralNetConfiguration.ListBuilder base(DeepConfig config) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
    }

    /**
     * The plain conv-net shape {@link MelCnn}, {@link VggLike} and {@link GtzanKerasCnn} share: the stem if
     * {@code stem}, one {@link #block} of
     * {@code convsPerBlock} convs per entry of {@code channels} (each halving both axes), then {@link #head}.
     */
    static MultiLayerConfiguration pooledConvNet(MelWindowShape shape, int numClasses, DeepConfig config, boolean stem,
                                                 int convsPerBlock, int[] channels, double dropout, boolean cpuLayers) {
        NeuralNetConfiguration.ListBuilder list = base(config);
        if (stem) stem(list, cpuLayers);
        for (int c : channels) block(list, convsPerBlock, c, 2, 2, cpuLayers);
        head(list, dropout, numClasses);
        return list.setInputType(input(shape)).build();
    }

    static InputType input(MelWindowShape shape) {
        return InputType.convolutional(shape.bands(), shape.frames(), 1, FORMAT);
    }

    /**
     * CPU-friendly stem: 2x2 average pooling of the input (128x130 -> 64x65), as the first layer's input
     * preprocessor ({@link AveragePoolStem}). Log-mel windows are smooth at that scale (neighbouring bands
     * overlap), and it makes every later conv 4x cheaper in MACs and in the activation memory that batch
     * norm/ReLU/pooling stream through; on two cores the full-resolution first conv and its BN/ReLU/pool dominated
     * a training step. Call before adding any layer. Without the CPU layers (another backend, or the stored
     * configuration) the same pooling is DL4J's own average-pooling layer.
     */
    static void stem(NeuralNetConfiguration.ListBuilder list, boolean cpuLayers) {
        if (cpuLayers) {
            list.inputPreProcessor(list.getLayerwise().size(), new AveragePoolStem());
        } else {
            list.layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).dataFormat(FORMAT).build());
        }
    }

    /**
     * Whether conv blocks use {@link BatchNormReluPool} (the CPU layers' default) or DL4J's separate batch-norm, ReLU
     * and pooling layers (the stock configuration, or {@code -Dgenrebench.fusedBlocks=false}: same maths, slower;
     * for A/B timing in results/benchmarks.md).
     */
    static boolean fusedBlocks(boolean cpuLayers) {
        return cpuLayers && !"false".equalsIgnoreCase(System.getProperty("genrebench.fusedBlocks"));
    }

    /**
     * {@code convs} conv/BN/ReLU layers of {@code channels} channels, then max pooling by {@code freq} x
     * {@code time}: one block of every architecture.
     */
    static void block(NeuralNetConfiguration.ListBuilder list, int convs, int channels, int freq, int time, boolean cpuLayers) {
        for (int i = 0; i < convs; i++) {
            boolean last = i == convs - 1;
            list.layer(conv(list, channels, cpuLayers));
            if (fusedBlocks(cpuLayers)) {
                list.layer(last ? new BatchNormReluPool(freq, time) : new BatchNormReluPool(1, 1));
            } else {
                list.layer(new BatchNormalization.Builder().dataFormat(FORMAT).build())
                        .layer(new ActivationLayer(cpuLayers ? new ReluActivation() : new ActivationReLU()));
                if (last) maxPool(list, freq, time);
            }
        }
    }

    /**
     * 3x3 conv without bias (batch norm's shift replaces it). With the CPU layers it is {@link JavaConvolutionLayer},
     * and the first one (after the stem, a preprocessor) computes no input gradient, which nothing uses. Against DL4J's
     * oneDNN path the training step is 2-4x faster at width 8 (vgg), level at widths 16 and 32 and faster at 64 (cnn;
     * results/benchmarks.md, "Deep models"). {@code -Dgenrebench.javaConvolutions=false} keeps every conv
     * but the first on oneDNN, for A/B timing.
     */
    private static ConvolutionLayer conv(NeuralNetConfiguration.ListBuilder list, int channels, boolean cpuLayers) {
        boolean first = list.getLayerwise().isEmpty();
        ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(3, 3).nOut(channels).hasBias(false).dataFormat(FORMAT)
                .activation(Activation.IDENTITY);
        boolean java = cpuLayers && (first || !"false".equalsIgnoreCase(System.getProperty("genrebench.javaConvolutions")));
        return java ? new JavaConvolutionLayer(conv, !first) : conv.build();
    }

    /** Max pooling by {@code freq} along the mel axis and {@code time} along the frame axis. */
    private static void maxPool(NeuralNetConfiguration.ListBuilder list, int freq, int time) {
        list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(freq, time).stride(freq, time)
                .dataFormat(FORMAT).build());
    }

    /**
     * Global average pooling, dropout and the softmax classifier. {@code dropout} is the share of units
     * dropped (DL4J itself takes the share retained).
     */
    static void head(NeuralNetConfiguration.ListBuilder list, double dropout, int numClasses) {
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        classifier(list, dropout, numClasses);
    }

    static void classifier(NeuralNetConfiguration.ListBuilder list, double dropout, int numClasses) {
        // Dropout on the classifier's input (a separate DropoutLayer after pooling an LSTM's output fails
        // in DL4J 1.0.0-M2.1's backprop with a mask-shape error).
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(numClasses).dropOut(1 - dropout)
                .weightInit(WeightInit.XAVIER).activation(Activation.SOFTMAX).build());
    }
}
