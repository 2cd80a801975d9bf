package org.genrebench.model.classical;

import smile.classification.KNN;

import org.genrebench.model.HyperParameter;

import java.util.List;
import java.util.Map;

/**
 * k-nearest neighbours (Euclidean, uniform vote); probabilities are the neighbours' class shares. A training set of
 * n rows has only n neighbours to give, so k is capped at n (the class shares of the whole training set): the inner
 * folds of {@code --tune} on a small set hold fewer rows than the grid's largest k.
 */
public final class Knn extends SmileClassifier {
    public static final List<HyperParameter> PARAMETERS = List.of(
            HyperParameter.integer("k", 5, 1, 10_000, "neighbours that vote"));

    public Knn(Map<String, String> params, long seed) {
        super("knn", PARAMETERS, params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        return soft(KNN.fit(z, y, Math.min(intParam("k"), z.length)), numClasses);
    }
}
