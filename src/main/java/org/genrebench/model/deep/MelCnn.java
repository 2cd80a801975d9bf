package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

/**
 * Compact 2-D CNN: four conv/batch-norm/ReLU/max-pool blocks (w, 2w, 4w, 4w channels), global average pooling,
 * dropout and a softmax. The first pool is 2x2 so the expensive full-resolution conv runs once; global pooling
 * keeps the classifier independent of the window length.
 */
public record MelCnn(int width) implements NetworkArchitecture {
    public static final String NAME = "cnn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config) {
        NeuralNetConfiguration.ListBuilder list = Blocks.base(config);
        for (int channels : new int[] {width, 2 * width, 4 * width, 4 * width}) {
            Blocks.convBnRelu(list, channels);
            Blocks.maxPool(list, 2, 2);
        }
        Blocks.head(list, 0.3, numClasses);
        return list.setInputType(Blocks.input(shape)).build();
    }
}
