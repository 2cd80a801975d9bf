package org.genrebench.model.classical;

import java.io.Serializable;
import java.util.Random;

/**
 * A small fully connected ReLU network with a softmax output, trained by mini-batch Adam on cross-entropy with L2
 * weight decay (scikit-learn's MLPClassifier recipe). Plain Java loops laid out so the JIT vectorises them: every
 * inner loop is {@code y[j] += a · x[j]} over two whole rows (weights are kept as one array per input unit, plus a
 * transposed copy for the backward pass), the one shape C2 reliably turns into SIMD. Smile's own MLP updates one
 * sample at a time through native BLAS calls, which took minutes per fold here.
 */
final class DenseNet implements Serializable {
    private final int[] sizes;
    private final double[][][] w; // w[l][i][o]: weight from unit i of layer l to unit o of layer l + 1
    private final double[][] b;

    DenseNet(int[] sizes, Random rng) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        w = new double[layers][][];
        b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            w[l] = new double[in][out];
            b[l] = new double[out];
            double bound = Math.sqrt(6.0 / (in + out)); // Glorot uniform, as scikit-learn
            for (double[] row : w[l]) for (int o = 0; o < out; o++) row[o] = (rng.nextDouble() * 2 - 1) * bound;
        }
    }

    /** Activations of every layer for a batch; the last is the softmax output. */
    private double[][][] forward(double[][] x) {
        int layers = w.length;
        double[][][] a = new double[layers + 1][][];
        a[0] = x;
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[x.length][];
            for (int n = 0; n < x.length; n++) {
                double[] dst = b[l].clone();
                mulAdd(a[l][n], w[l], dst);
                if (l < layers - 1) {
                    for (int o = 0; o < dst.length; o++) if (dst[o] < 0) dst[o] = 0;
                } else {
                    softmax(dst);
                }
                a[l + 1][n] = dst;
            }
        }
        return a;
    }

    double[][] predict(double[][] x) {
        return forward(x)[w.length];
    }

    /** Adam state and one optimisation step per mini-batch. */
    final class Trainer {
        private final double lr, l2, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        private final double[][][] mw, vw;
        private final double[][] mb, vb;
        private int t;

        Trainer(double lr, double l2) {
            this.lr = lr;
            this.l2 = l2;
            mw = new double[w.length][][];
            vw = new double[w.length][][];
            mb = new double[w.length][];
            vb = new double[w.length][];
            for (int l = 0; l < w.length; l++) {
                mw[l] = new double[sizes[l]][sizes[l + 1]];
                vw[l] = new double[sizes[l]][sizes[l + 1]];
                mb[l] = new double[b[l].length];
                vb[l] = new double[b[l].length];
            }
        }

        void step(double[][] x, int[] y) {
            int layers = w.length;
            double[][][] a = forward(x);
            int batch = x.length;
            // delta of the output layer for softmax + cross-entropy: p − onehot(y), averaged over the batch
            double[][] delta = new double[batch][];
            for (int n = 0; n < batch; n++) {
                delta[n] = a[layers][n].clone();
                delta[n][y[n]] -= 1;
                for (int o = 0; o < delta[n].length; o++) delta[n][o] /= batch;
            }
            t++;
            for (int l = layers - 1; l >= 0; l--) {
                int in = sizes[l], out = sizes[l + 1];
                double[][] gw = new double[in][out];
                double[] gb = new double[out];
                double[][] prev = l > 0 ? new double[batch][in] : null;
                double[][] wt = prev == null ? null : transpose(w[l]);
                for (int n = 0; n < batch; n++) {
                    double[] d = delta[n], src = a[l][n];
                    for (int o = 0; o < out; o++) gb[o] += d[o];
                    for (int i = 0; i < in; i++) if (src[i] != 0) axpy(src[i], d, gw[i]);
                    if (prev != null) {
                        double[] pn = prev[n];
                        mulAdd(d, wt, pn);
                        for (int i = 0; i < in; i++) if (src[i] <= 0) pn[i] = 0; // ReLU derivative
                    }
                }
                double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
                for (int i = 0; i < in; i++) {
                    axpy(l2 / batch, w[l][i], gw[i]);
                    adam(w[l][i], gw[i], mw[l][i], vw[l][i], c1, c2);
                }
                adam(b[l], gb, mb[l], vb[l], c1, c2);
                delta = prev;
            }
        }

        private void adam(double[] p, double[] g, double[] m, double[] v, double c1, double c2) {
            for (int i = 0; i < p.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                p[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            }
        }
    }

    /** {@code dst += Σ_k a[k] · m[k]}, skipping the zeros ReLU leaves. */
    private static void mulAdd(double[] a, double[][] m, double[] dst) {
        for (int k = 0; k < a.length; k++) if (a[k] != 0) axpy(a[k], m[k], dst);
    }

    /** {@code y += a · x} over whole rows of equal length. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) y[j] += a * x[j];
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m[r].length; c++) t[c][r] = m[r][c];
        return t;
    }

    private static void softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) z[i] /= sum;
    }
}
