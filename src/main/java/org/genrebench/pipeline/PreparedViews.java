package org.genrebench.pipeline;

import org.genrebench.dataset.Sample;

import java.util.List;

/** A dataset seen through every input view it was prepared for; an {@link InputView} picks its own. */
public interface PreparedViews {
    /** Feature rows, one per chunk (empty when not prepared). */
    List<Sample<double[]>> features();

    /** Mel windows (empty when not prepared). */
    List<Sample<float[]>> windows();

    /** The patch rows of embedding {@code key} ({@code MODEL:LAYER}; empty when not prepared). */
    List<Sample<double[]>> embeddings(String key);
}
