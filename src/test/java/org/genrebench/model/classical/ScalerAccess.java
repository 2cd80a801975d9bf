package org.genrebench.model.classical;

import org.genrebench.model.GenreClassifier;

/** Test access to the scaler a classical model fitted. */
public final class ScalerAccess {
    private ScalerAccess() {
    }

    public static double[] mean(GenreClassifier<double[]> model) {
        return ((SmileClassifier) model).scaler().mean();
    }
}
