package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * Convolutional-recurrent network (Choi et al., 2017): three conv blocks that pool frequency hard (2, 4, 4:
 * 128 bands become 8) and time gently (2, 2, 1), then an LSTM over the remaining frames reading channels x
 * bands as features, mean-pooled over time, and a softmax. DL4J 1.0.0-M2.1 has no GRU layer, hence LSTM.
 */
public record Crnn(int width) implements NetworkArchitecture {
    public static final String NAME = "crnn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config) {
        int[][] pools = {{2, 2}, {4, 2}, {4, 1}};
        int[] channels = {width, 2 * width, 4 * width};
        NeuralNetConfiguration.ListBuilder list = Blocks.base(config);
        for (int i = 0; i < pools.length; i++) {
            Blocks.convBnRelu(list, channels[i]);
            Blocks.maxPool(list, pools[i][0], pools[i][1]);
        }
        int convLayers = list.getLayerwise().size();
        list.layer(new LSTM.Builder().nOut(4 * width).activation(Activation.TANH).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        Blocks.classifier(list, 0.3, numClasses);
        // Feature maps -> sequence: DL4J has no built-in [mb, C, H, W] -> [mb, C*H, W] reshape.
        InputType afterConv = convOutput(shape, pools, channels[channels.length - 1]);
        list.inputPreProcessor(convLayers, new FeatureMapsToSequence(afterConv));
        return list.setInputType(Blocks.input(shape)).build();
    }

    /** Shape after the conv blocks ("same" pooling rounds up). */
    private static InputType convOutput(MelWindowShape shape, int[][] pools, int channels) {
        long h = shape.bands(), w = shape.frames();
        for (int[] p : pools) {
            h = (h + p[0] - 1) / p[0];
            w = (w + p[1] - 1) / p[1];
        }
        return InputType.convolutional(h, w, channels, Blocks.FORMAT);
    }
}
