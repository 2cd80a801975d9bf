package org.genrebench.model.classical;

import smile.classification.LogisticRegression;

import org.genrebench.model.HyperParameter;

import java.util.List;
import java.util.Map;

/**
 * Multinomial logistic regression. Smile minimises −log-likelihood + λ/2·‖w‖², so λ = 1 matches
 * scikit-learn's default C = 1; at most 100 L-BFGS iterations, as scikit-learn's {@code max_iter}.
 */
public final class LogReg extends SmileClassifier {
    public static final List<HyperParameter> PARAMETERS = List.of(
            HyperParameter.number("lambda", "1.0", 0, 1e6, "L2 penalty (1 is scikit-learn's C=1)"),
            HyperParameter.integer("maxIter", 100, 1, 100_000, "L-BFGS iterations at most"));

    public LogReg(Map<String, String> params, long seed) {
        super("logreg", PARAMETERS, params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        var options = new LogisticRegression.Options(doubleParam("lambda"), 1e-5, intParam("maxIter"));
        // Smile refuses a multinomial fit on two classes; the binomial model is the same model for k = 2.
        boolean twoClasses = java.util.Arrays.stream(y).distinct().count() == 2;
        return soft(twoClasses ? LogisticRegression.binomial(z, y, options) : LogisticRegression.multinomial(z, y, options), numClasses);
    }
}
