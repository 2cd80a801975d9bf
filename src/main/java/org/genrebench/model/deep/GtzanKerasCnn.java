package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * A network of the size GTZAN tutorials train: the layout of the 2-D CNN of the gtzan.keras project
 * (github.com/Hguimaraes/gtzan.keras) on the full-resolution 128x130 window: five blocks of one 3x3 conv and 2x2
 * max pooling, w, 2w, 4w, 8w and 16w channels (16 to 256 at its published width 16; 128x130 -> 4x5). Two
 * differences, both this project's shared blocks: every conv is followed by batch norm (the fused
 * {@link BatchNormReluPool}, which the CPU training needs) instead of per-block dropout 0.25, and the head is
 * global average pooling, dropout 0.5 and a softmax instead of flatten and a 512-unit dense layer, so the
 * classifier does not depend on the window length. At width 16 it has 396,378 parameters and costs 82 M
 * multiply-adds per window forward, 24x {@link MelCnn}'s default; a training step measured 16-34x cnn's
 * (docs/architecture.md, "Sizes"; results/benchmarks.md, "Real audio and GTZAN-scale cost").
 */
public record GtzanKerasCnn(int width, boolean stem) implements NetworkArchitecture {
    public static final String NAME = "gtzan-cnn";
    /** The published size: width 16, full resolution. */
    public static final GtzanKerasCnn PUBLISHED = new GtzanKerasCnn(16, false);
    public static final Design DESIGN = new Design(NAME, GtzanKerasCnn::new, PUBLISHED.width(), PUBLISHED.stem());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config, boolean cpuLayers) {
        return Blocks.pooledConvNet(shape, numClasses, config, stem, 1,
                new int[] {width, 2 * width, 4 * width, 8 * width, 16 * width}, 0.5, cpuLayers);
    }
}
