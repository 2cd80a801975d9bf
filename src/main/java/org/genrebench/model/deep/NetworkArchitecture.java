package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.genrebench.model.deep.cpu.CpuWorkarounds;

/**
 * One network design. Implementations only describe layers; training, normalisation and persistence live in
 * {@link DeepGenreClassifier}, shared by all of them.
 */
public interface NetworkArchitecture {
    /**
     * Base channel count of the full-size networks (8, 16, 32 channels). With the 2x2 stem, width 8 keeps every
     * network near or under ~10 M multiply-adds per window, which a 2-core CPU trains at hundreds of windows/s
     * (results/benchmarks.md, "Deep models"); the synthetic and small GTZAN-size sets do not need more capacity.
     */
    int DEFAULT_WIDTH = 8;

    /** Report and command-line name: {@code cnn}, {@code vgg}, {@code crnn}, {@code gtzan-cnn}. */
    String name();

    /** Base channel count; later blocks are multiples of it. Small values give the tiny test networks. */
    int width();

    /**
     * Whether the input passes the 2x2 average-pooling stem ({@link Blocks#stem}, 128x130 -> 64x65) before the first
     * conv; false feeds the full-resolution window, as published music CNNs do, at ~4x the cost of every conv.
     */
    boolean stem();

    /**
     * The layer stack for one-channel {@code shape} windows and {@code numClasses} softmax outputs, as this process
     * runs it: with the CPU layers of {@code model.deep.cpu} where they are active ({@link CpuWorkarounds#active()}).
     */
    default MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config) {
        return configure(shape, numClasses, config, CpuWorkarounds.active());
    }

    /**
     * The layer stack with the CPU layers ({@code cpuLayers}: the stem as a preprocessor, the first conv without an
     * input gradient, the fused batch norm + ReLU + pooling) or with DL4J's stock layers only, the configuration a
     * model file stores, which loads under any backend and DL4J version. Both hold the same parameters in the same
     * order, so a network's parameters move from one to the other unchanged.
     */
    MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config, boolean cpuLayers);

    /** Recreates an architecture from its {@link #name()}, {@link #width()} and {@link #stem()} (also when a model is loaded). */
    static NetworkArchitecture of(String name, int width, boolean stem) {
        if (width < 1) throw new IllegalArgumentException("network width must be >= 1, got " + width);
        return switch (name) {
            case MelCnn.NAME -> new MelCnn(width, stem);
            case VggLike.NAME -> new VggLike(width, stem);
            case Crnn.NAME -> new Crnn(width, stem);
            case GtzanKerasCnn.NAME -> new GtzanKerasCnn(width, stem);
            default -> throw new IllegalArgumentException("unknown deep architecture '" + name
                    + "' (expected cnn, vgg, crnn or " + GtzanKerasCnn.NAME + ")");
        };
    }

    /** The architecture at its default size: {@link #DEFAULT_WIDTH} with the stem, or {@link GtzanKerasCnn}'s own. */
    static NetworkArchitecture of(String name) {
        return GtzanKerasCnn.NAME.equals(name) ? GtzanKerasCnn.PUBLISHED : of(name, DEFAULT_WIDTH, true);
    }
}
