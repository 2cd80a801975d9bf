package org.genrebench.model.classical;

import smile.classification.KNN;

import java.util.Map;

/**
 * k-nearest neighbours (Euclidean, uniform vote); probabilities are the neighbours' class shares. With fewer training
 * rows than k (a tiny dataset's fold), every training row is a neighbour.
 */
public final class Knn extends SmileClassifier {
    public Knn(Map<String, String> params, long seed) {
        super("knn", Map.of("k", "5"), params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        return soft(KNN.fit(z, y, Math.min(intParam("k"), z.length)), numClasses);
    }
}
