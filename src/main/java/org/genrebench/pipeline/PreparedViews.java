package org.genrebench.pipeline;

import org.genrebench.dataset.Sample;

import java.util.List;

/** A dataset seen through both input views; an {@link InputView} picks its own. */
public interface PreparedViews {
    /** Feature rows, one per chunk (empty when not prepared). */
    List<Sample<double[]>> features();

    /** Mel windows (empty when not prepared). */
    List<Sample<float[]>> windows();
}
