package org.genrebench.model.deep;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

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

    /** Report and command-line name: {@code cnn}, {@code vgg}, {@code crnn}. */
    String name();

    /** Base channel count; later blocks are multiples of it. Small values give the tiny test networks. */
    int width();

    /** The layer stack for one-channel {@code shape} windows and {@code numClasses} softmax outputs. */
    MultiLayerConfiguration configure(MelWindowShape shape, int numClasses, DeepConfig config);

    /** Recreates an architecture from its {@link #name()} and {@link #width()} (used when a model is loaded). */
    static NetworkArchitecture of(String name, int width) {
        return switch (name) {
            case MelCnn.NAME -> new MelCnn(width);
            case VggLike.NAME -> new VggLike(width);
            case Crnn.NAME -> new Crnn(width);
            default -> throw new IllegalArgumentException("unknown deep architecture '" + name
                    + "' (expected cnn, vgg or crnn)");
        };
    }
}
