package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

/**
 * VGG-style stack: a 2x2 average-pooling stem (128x130 -> 64x65), then three blocks of two 3x3
 * conv/batch-norm/ReLU layers (w, 2w, 4w channels), each followed by 2x2 max pooling, so a window reaches 8x9
 * before global average pooling, as the earlier stem-less four-block version did. Batch norm and global pooling
 * replace VGG's huge fully connected layers, which would dominate a small dataset. ~10 M multiply-adds per
 * window forward at width 8 (the four-block width-16 version without the stem: ~217 M).
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
        Blocks.stem(list);
        for (int channels : new int[] {width, 2 * width, 4 * width}) {
            Blocks.block(list, 2, channels, 2, 2);
        }
        Blocks.head(list, 0.5, numClasses);
        return list.setInputType(Blocks.input(shape)).build();
    }
}
