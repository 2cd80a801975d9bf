package org.genrebench.pipeline;

import org.genrebench.audio.AudioLoader;
import org.genrebench.feature.LogMel;
import org.genrebench.feature.SpectralParams;

import java.util.List;

/**
 * How audio becomes model inputs, shared by every command: the feature chunk rule and the mel window rule, and
 * which of the two views a run needs.
 *
 * @param featureChunkSamples samples per feature row; {@code 0} for one row per whole track
 * @param windowSamples       samples per mel window (3 s = 66 150)
 * @param windowOverlap       overlap of consecutive windows in [0, 1)
 * @param features            whether the feature-row view is needed
 * @param windows             whether the mel-window view is needed
 * @param embeddings          the pre-trained embeddings needed (none by default)
 */
public record InputSettings(int featureChunkSamples, int windowSamples, double windowOverlap,
                            boolean features, boolean windows, List<EmbeddingPatches> embeddings) {

    public InputSettings {
        embeddings = List.copyOf(embeddings);
    }

    /** Community 3-second feature chunks and 3 s mel windows with 50 % overlap, both views. */
    public static InputSettings defaults() {
        return of(3, LogMel.DEFAULT_WINDOW_SECONDS);
    }

    /**
     * Samples per feature chunk of {@code seconds} (0 = whole track): {@code round(seconds * sr) - 1}, so that 3 s
     * gives the community table's 66 149. {@code extract}, {@code compare} and {@code train} all cut by this rule.
     */
    public static int chunkSamples(double seconds) {
        return seconds <= 0 ? 0 : (int) Math.round(seconds * AudioLoader.DEFAULT_SAMPLE_RATE) - 1;
    }

    /** Feature chunks of {@code chunkSeconds} (0 = one row per track) and mel windows of {@code windowSeconds}, default overlap. */
    public static InputSettings of(double chunkSeconds, double windowSeconds) {
        return new InputSettings(chunkSamples(chunkSeconds), SpectralParams.DEFAULT.windowSamples(windowSeconds),
                LogMel.DEFAULT_OVERLAP, true, true, List.of());
    }

    public FeatureRows featureRows() {
        return new FeatureRows(featureChunkSamples);
    }

    public MelWindows melWindows() {
        return new MelWindows(windowSamples, windowOverlap);
    }

    /** These rules with the views a run needs. */
    public InputSettings needing(boolean features, boolean windows, List<EmbeddingPatches> embeddings) {
        return new InputSettings(featureChunkSamples, windowSamples, windowOverlap, features, windows, embeddings);
    }
}
