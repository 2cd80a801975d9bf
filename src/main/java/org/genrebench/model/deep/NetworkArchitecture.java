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
     * The layer stack with the CPU layers ({@code cpuLayers}: the stem as a preprocessor, the Java convolutions
     * (the first without an input gradient), the fused batch norm + ReLU + pooling) or with DL4J's stock layers only, the configuration a
     * model file stores, which loads under any backend and DL4J version. Both hold the same parameters in the same
     * order, so a network's parameters move from one to the other unchanged.
     */
    MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config, boolean cpuLayers);

    /** Builds a design at a width, with or without the stem. */
    @FunctionalInterface
    interface Factory extends java.io.Serializable {
        NetworkArchitecture create(int width, boolean stem);
    }

    /**
     * A network design: its name, how it is built at a size, and its default size. Each architecture declares its own
     * ({@code MelCnn.DESIGN}, ...); the catalogue declares each network once with it, and model files are read back
     * through it.
     */
    record Design(String name, Factory factory, int defaultWidth, boolean defaultStem) {
        /** The architecture at {@code width} (base channel count, at least 1), with or without the 2x2 stem. */
        public NetworkArchitecture build(int width, boolean stem) {
            if (width < 1) throw new IllegalArgumentException("network width must be >= 1, got " + width);
            return factory.create(width, stem);
        }

        /** The architecture at its default size. */
        public NetworkArchitecture defaults() {
            return build(defaultWidth, defaultStem);
        }
    }
}
