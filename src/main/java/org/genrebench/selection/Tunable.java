package org.genrebench.selection;

import org.genrebench.model.GenreClassifier;

import java.util.List;
import java.util.Map;

/** An estimator family that model selection can search: a name, a grid of overrides and a way to build each. */
public interface Tunable<X> {
    String name();

    /** Candidate hyper-parameter overrides; the first is the default. */
    List<Map<String, String>> grid();

    /**
     * A new unfitted model with {@code params} overriding the defaults; a model that tunes others (the vote) reuses
     * and adds to the searches in {@code choices}.
     */
    GenreClassifier<X> create(Map<String, String> params, long seed, TuningChoices choices);
}
