package org.genrebench.model.classical;

import java.io.Serializable;

/** Per-feature z-scoring with statistics of the rows it was fitted on (the training fold, never the test fold). */
public final class Standardizer implements Serializable {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    public static Standardizer fit(double[][] x) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) for (int j = 0; j < p; j++) mean[j] += row[j];
        for (int j = 0; j < p; j++) mean[j] /= x.length;
        for (double[] row : x) for (int j = 0; j < p; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / x.length);
            scale[j] = sd > 0 ? sd : 1; // a constant feature carries no information; leave it at 0
        }
        return new Standardizer(mean, scale);
    }

    public double[] transform(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + row.length);
        }
        double[] z = new double[row.length];
        for (int j = 0; j < z.length; j++) z[j] = (row[j] - mean[j]) / scale[j];
        return z;
    }

    public double[][] transform(double[][] x) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) z[i] = transform(x[i]);
        return z;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }
}
