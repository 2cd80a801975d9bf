package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * Compact 2-D CNN: a 2x2 average-pooling stem (unless {@code stem} is false), four conv/batch-norm/ReLU/2x2 max-pool blocks (w, 2w, 4w, 4w
 * channels; 64x65 -> 4x5), global average pooling, dropout and a softmax. Global pooling keeps the classifier
 * independent of the window length. At width 8 a 128x130 window costs ~3.4 M multiply-adds forward (the
 * stem-less width-16 design cost ~51 M; results/benchmarks.md).
 */
public record MelCnn(int width, boolean stem) implements NetworkArchitecture {
    public static final String NAME = "cnn";
    public static final Design DESIGN = new Design(NAME, MelCnn::new, DEFAULT_WIDTH, true);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config, boolean cpuLayers) {
        return Blocks.pooledConvNet(shape, numClasses, config, stem, 1, new int[] {width, 2 * width, 4 * width, 4 * width}, 0.3,
                cpuLayers);
    }
}
