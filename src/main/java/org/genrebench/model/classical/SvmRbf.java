package org.genrebench.model.classical;

import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

import java.util.Map;

/**
 * SVM with an RBF kernel, multi-class by one-versus-one (as libsvm and scikit-learn do). Probabilities come from
 * Smile's Platt scaling of each pairwise decision value, coupled across pairs. {@code gamma=scale} is
 * scikit-learn's 1 / (features × variance of the training matrix); {@code gamma=scale*0.5} is half of it.
 */
public final class SvmRbf extends SmileClassifier {
    public SvmRbf(Map<String, String> params, long seed) {
        super("svm", Map.of("C", "10", "gamma", "scale"), params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        double gamma = gamma(z);
        // Smile's Gaussian kernel is exp(-‖x−y‖² / (2σ²)), i.e. gamma = 1 / (2σ²).
        GaussianKernel kernel = new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
        SVM.Options options = new SVM.Options(doubleParam("C"));
        // OneVersusOne trains the pairs on a parallel stream; LASVM draws random samples from the per-thread generator,
        // so each pair re-seeds the thread it runs on to stay reproducible.
        return soft(OneVersusOne.fit(z, y, (xi, yi) -> {
            smile.math.MathEx.setSeed(seed);
            return SVM.fit(xi, yi, kernel, options);
        }), numClasses);
    }

    private double gamma(double[][] z) {
        String g = param("gamma");
        double factor = 1;
        if (g.startsWith("scale*")) { // a multiple of the scale heuristic, for the tuning grid
            factor = Double.parseDouble(g.substring("scale*".length()));
        } else if (!g.equals("scale")) {
            return doubleParam("gamma");
        }
        double sum = 0, sumSq = 0;
        long n = 0;
        for (double[] row : z) {
            for (double v : row) {
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double var = sumSq / n - (sum / n) * (sum / n);
        return factor / (z[0].length * (var > 0 ? var : 1));
    }
}
