package org.genrebench.selection;

import org.genrebench.model.GenreClassifier;

/**
 * A model that chooses its configuration by inner cross-validation on the training fold it is fitted on, and
 * keeps what that cross-validation saw: the probabilities on training rows it was not fitted on. Model selection
 * above it (ensemble selection in {@link SoftVote}) works from those alone, never from data outside the fold.
 */
public interface CrossValidated<X> extends GenreClassifier<X> {

    /** The plain estimator refitted on the whole training fold with the chosen configuration. */
    GenreClassifier<X> best();

    /** Inner out-of-fold probabilities, row by row of the training fold; null when no inner CV ran. */
    double[][] outOfFoldProba();
}
