package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

/**
 * VGG-style stack: four blocks of two 3x3 conv/batch-norm/ReLU layers (w, 2w, 4w, 8w channels), each followed
 * by 2x2 max pooling, so a 128x130 window reaches 8x9 before global average pooling. Batch norm and global
 * pooling replace VGG's huge fully connected layers, which would dominate a small dataset.
 */
public record VggLike(int width) implements NetworkArchitecture {
    public static final String NAME = "vgg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config) {
        NeuralNetConfiguration.ListBuilder list = Blocks.base(config);
        for (int channels : new int[] {width, 2 * width, 4 * width, 8 * width}) {
            Blocks.convBnRelu(list, channels);
            Blocks.convBnRelu(list, channels);
            Blocks.maxPool(list, 2, 2);
        }
        Blocks.head(list, 0.5, numClasses);
        return list.setInputType(Blocks.input(shape)).build();
    }
}
