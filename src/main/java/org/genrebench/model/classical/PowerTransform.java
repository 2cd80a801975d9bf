package org.genrebench.model.classical;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Yeo–Johnson power transform per feature (scikit-learn's {@code PowerTransformer}), fitted on the training rows only.
 * Each column is first divided by its training median |x|, so the transform does not depend on the unit
 * (the community table mixes variances around 1e-3 with others around 1e6); then the λ that maximises the Gaussian
 * log-likelihood is found by golden-section search on [−3, 3]. Heavy-tailed columns such as the {@code *_var} ones
 * get λ well below 1 (close to a log), near-Gaussian ones λ ≈ 1 (almost unchanged).
 */
final class PowerTransform implements Serializable {
    private final double[] scale;
    private final double[] lambda;

    private PowerTransform(double[] scale, double[] lambda) {
        this.scale = scale;
        this.lambda = lambda;
    }

    static PowerTransform fit(double[][] x) {
        int n = x.length, p = x[0].length;
        double[] scale = new double[p], lambda = new double[p];
        double[] col = new double[n];
        for (int j = 0; j < p; j++) {
            double mean = 0, ss = 0;
            for (double[] row : x) mean += row[j] / n;
            for (double[] row : x) ss += (row[j] - mean) * (row[j] - mean);
            double sd = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) col[i] = Math.abs(x[i][j]);
            Arrays.sort(col);
            double typical = col[n / 2]; // median |x|: puts the bulk of a heavy-tailed column near 1
            scale[j] = typical > 0 ? typical : sd > 0 ? sd : 1;
            for (int i = 0; i < n; i++) col[i] = x[i][j] / scale[j];
            lambda[j] = sd > 0 ? bestLambda(col) : 1;
        }
        return new PowerTransform(scale, lambda);
    }

    double[][] transform(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != lambda.length) {
                throw new IllegalArgumentException("expected " + lambda.length + " features, got " + x[i].length);
            }
            out[i] = new double[lambda.length];
            for (int j = 0; j < lambda.length; j++) out[i][j] = yeoJohnson(x[i][j] / scale[j], lambda[j]);
        }
        return out;
    }

    static double yeoJohnson(double v, double l) {
        if (v >= 0) return Math.abs(l) < 1e-9 ? Math.log1p(v) : (Math.pow(v + 1, l) - 1) / l;
        return Math.abs(l - 2) < 1e-9 ? -Math.log1p(-v) : -(Math.pow(1 - v, 2 - l) - 1) / (2 - l);
    }

    /** Maximises the Yeo–Johnson profile log-likelihood (it is unimodal in λ for practical data). */
    private static double bestLambda(double[] v) {
        double logJacobian = 0;
        for (double t : v) logJacobian += Math.signum(t) * Math.log1p(Math.abs(t));
        double lo = -3, hi = 3, g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = logLik(v, a, logJacobian), fb = logLik(v, b, logJacobian);
        for (int it = 0; it < 40; it++) {
            if (fa < fb) {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = logLik(v, b, logJacobian);
            } else {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = logLik(v, a, logJacobian);
            }
        }
        return (lo + hi) / 2;
    }

    private static double logLik(double[] v, double l, double logJacobian) {
        double mean = 0, ss = 0;
        int n = v.length;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = yeoJohnson(v[i], l);
            mean += t[i] / n;
        }
        for (double ti : t) ss += (ti - mean) * (ti - mean);
        double var = ss / n;
        if (!(var > 0) || Double.isInfinite(var)) return Double.NEGATIVE_INFINITY;
        return -n / 2.0 * Math.log(var) + (l - 1) * logJacobian;
    }
}
