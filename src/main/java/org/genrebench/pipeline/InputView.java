package org.genrebench.pipeline;

import org.genrebench.dataset.Sample;

import java.util.List;
import java.util.Map;

/**
 * The first step of every {@link Pipeline}: how one clip becomes the inputs of its estimator. The two views are
 * the 58 handcrafted features per chunk ({@link FeatureRows}, for the classical models) and log-mel windows
 * ({@link MelWindows}, for the networks) and pre-trained embeddings ({@link EmbeddingPatches}); each owns its cutting rule, so {@code extract}, {@code compare},
 * {@code train} and {@code predict} cut a clip the same way.
 *
 * @param <X> the estimator's input type
 */
public sealed interface InputView<X> permits FeatureRows, MelWindows, EmbeddingPatches {

    /** What one input is called in messages, e.g. {@code feature rows}. */
    String unitName();

    /**
     * Every input of one clip (mono, 22 050 Hz), values one after another as float32: the cached form. A clip too short
     * for one input is a user error. Unchecked: {@link AudioInputs} is the one path that validates and caches them.
     */
    float[] flat(float[] y);

    /** The inputs of a {@link #flat} array. */
    List<X> unflatten(float[] flat);

    /** Key of this view's inputs in the feature cache (with the file's content). */
    String cacheKey();

    /** This view's inputs of a prepared dataset. */
    List<Sample<X>> select(PreparedViews data);

    /** The cutting rule as text, for model files and the feature cache key. */
    Map<String, String> settings();

    /** The view that {@link #settings()} describes. */
    static InputView<?> fromSettings(Map<String, String> s) {
        return switch (s.getOrDefault("view", "")) {
            case FeatureRows.VIEW -> new FeatureRows(Integer.parseInt(s.get("featureChunkSamples")));
            case MelWindows.VIEW -> new MelWindows(Integer.parseInt(s.get("windowSamples")), Double.parseDouble(s.get("windowOverlap")));
            case EmbeddingPatches.VIEW -> new EmbeddingPatches(s.get("model"), s.get("layer"), Integer.parseInt(s.get("hopSeconds")));
            default -> throw new IllegalArgumentException("unknown input view '" + s.get("view") + "'");
        };
    }
}
