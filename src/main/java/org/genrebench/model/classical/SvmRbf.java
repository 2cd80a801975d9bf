package org.genrebench.model.classical;

import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

import org.genrebench.model.HyperParameter;

import java.util.List;
import java.util.Map;

/**
 * SVM with an RBF kernel, multi-class by one-versus-one (as libsvm and scikit-learn do). Probabilities come from
 * Smile's Platt scaling of each pairwise decision value, coupled across pairs. {@code gamma=scale} is
 * scikit-learn's 1 / (features × variance of the training matrix); {@code gamma=scale*0.5} is half of it.
 */
public final class SvmRbf extends SmileClassifier {
    public static final List<HyperParameter> PARAMETERS = List.of(
            HyperParameter.number("C", "10", 1e-6, 1e6, "soft-margin penalty"),
            new HyperParameter("gamma", "scale", "scale, scale*F or a number > 0", SvmRbf::validGamma,
                    "RBF width: scale is 1 / (features x variance), scale*F a multiple of it"));

    public SvmRbf(Map<String, String> params, long seed) {
        super("svm", PARAMETERS, params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        double gamma = gamma(z);
        // Smile's Gaussian kernel is exp(-‖x−y‖² / (2σ²)), i.e. gamma = 1 / (2σ²).
        GaussianKernel kernel = new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
        SVM.Options options = new SVM.Options(doubleParam("C"));
        int[] classes = java.util.Arrays.stream(y).distinct().sorted().toArray();
        if (classes.length == 2) return binary(z, y, classes[0], classes[1], kernel, options, numClasses);
        // OneVersusOne trains the pairs on a parallel stream; LASVM draws random samples from the per-thread generator,
        // so each pair re-seeds the thread it runs on to stay reproducible.
        return soft(OneVersusOne.fit(z, y, (xi, yi) -> {
            smile.math.MathEx.setSeed(seed);
            return SVM.fit(xi, yi, kernel, options);
        }), numClasses);
    }

    /**
     * Two classes: OneVersusOne needs three, so train the single pairwise SVM directly (labels ±1) and calibrate
     * its decision value with Platt scaling, which is what OneVersusOne does for each pair.
     */
    private Predictor binary(double[][] z, int[] y, int negative, int positive, GaussianKernel kernel, SVM.Options options,
                             int numClasses) {
        int[] pm = java.util.Arrays.stream(y).map(c -> c == positive ? 1 : -1).toArray();
        smile.math.MathEx.setSeed(seed);
        SVM<double[]> svm = SVM.fit(z, pm, kernel, options);
        smile.classification.PlattScaling platt = smile.classification.PlattScaling.fit(svm, z, pm);
        return rows -> {
            double[][] out = new double[rows.length][numClasses];
            for (int i = 0; i < rows.length; i++) {
                double p = platt.scale(svm.score(rows[i]));
                out[i][positive] = p;
                out[i][negative] = 1 - p;
            }
            return out;
        };
    }

    private static boolean validGamma(String g) {
        String number = g.startsWith("scale*") ? g.substring("scale*".length()) : g.equals("scale") ? "1" : g;
        return HyperParameter.isNumber(number) && Double.parseDouble(number) > 0;
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
