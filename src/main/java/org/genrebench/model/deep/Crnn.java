package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * Convolutional-recurrent network (Choi et al., 2017): a 2x2 average-pooling stem (128x130 -> 64x65; unless
 * {@code stem} is false), three
 * conv blocks that pool frequency hard (2, 4, 4: 64 bands become 2) and time gently (2, 2, 2: 65 frames become
 * 9, one step per ~0.33 s; DL4J's LSTM runs step by step in many small ops, so its cost is per step), then an LSTM over those frames reading channels x bands as features, mean-pooled over time, and a
 * softmax. DL4J 1.0.0-M2.1 has no GRU layer, hence LSTM. ~2.2 M multiply-adds per window at width 8.
 */
public record Crnn(int width, boolean stem) implements NetworkArchitecture {
    public static final String NAME = "crnn";
    public static final Design DESIGN = new Design(NAME, Crnn::new, DEFAULT_WIDTH, true);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config, boolean cpuLayers) {
        int[][] pools = {{2, 2}, {4, 2}, {4, 2}};
        int[] channels = {width, 2 * width, 4 * width};
        NeuralNetConfiguration.ListBuilder list = Blocks.base(config);
        if (stem) Blocks.stem(list, cpuLayers);
        for (int i = 0; i < pools.length; i++) {
            Blocks.block(list, 1, channels[i], pools[i][0], pools[i][1], cpuLayers);
        }
        int convLayers = list.getLayerwise().size();
        list.layer(new LSTM.Builder().nOut(4 * width).activation(Activation.TANH).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        Blocks.classifier(list, 0.3, numClasses);
        // Feature maps -> sequence: DL4J has no built-in [mb, C, H, W] -> [mb, C*H, W] reshape.
        InputType afterConv = convOutput(shape, stem, pools, channels[channels.length - 1]);
        list.inputPreProcessor(convLayers, new FeatureMapsToSequence(afterConv));
        return list.setInputType(Blocks.input(shape)).build();
    }

    /** Shape after the stem (if any) and the conv blocks ("same" pooling rounds up). */
    private static InputType convOutput(MelWindowShape shape, boolean stem, int[][] pools, int channels) {
        long h = stem ? (shape.bands() + 1) / 2 : shape.bands(), w = stem ? (shape.frames() + 1) / 2 : shape.frames();
        for (int[] p : pools) {
            h = (h + p[0] - 1) / p[0];
            w = (w + p[1] - 1) / p[1];
        }
        return InputType.convolutional(h, w, channels, Blocks.FORMAT);
    }
}
