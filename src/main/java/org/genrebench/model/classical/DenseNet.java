package org.genrebench.model.classical;

import java.io.Serializable;
import java.util.Random;

/**
 * A small fully connected ReLU network with a softmax output, trained by mini-batch Adam on cross-entropy with L2
 * weight decay (scikit-learn's MLPClassifier recipe). Plain Java loops laid out so the JIT vectorises them: Smile's
 * own MLP updates one sample at a time through native BLAS calls, which took minutes per fold here.
 */
final class DenseNet implements Serializable {
    private final int[] sizes;
    private final double[][] w; // w[l][i * out + o]
    private final double[][] b;

    DenseNet(int[] sizes, Random rng) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        w = new double[layers][];
        b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            w[l] = new double[in * out];
            b[l] = new double[out];
            double bound = Math.sqrt(6.0 / (in + out)); // Glorot uniform, as scikit-learn
            for (int i = 0; i < w[l].length; i++) w[l][i] = (rng.nextDouble() * 2 - 1) * bound;
        }
    }

    /** Activations of every layer for a batch; the last is the softmax output. */
    private double[][][] forward(double[][] x) {
        int layers = w.length;
        double[][][] a = new double[layers + 1][][];
        a[0] = x;
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            a[l + 1] = new double[x.length][out];
            for (int n = 0; n < x.length; n++) {
                double[] src = a[l][n];
                double[] dst = a[l + 1][n];
                System.arraycopy(b[l], 0, dst, 0, out);
                for (int i = 0; i < in; i++) {
                    double v = src[i];
                    if (v == 0) continue;
                    int base = i * out;
                    for (int o = 0; o < out; o++) dst[o] += v * w[l][base + o];
                }
                if (l < layers - 1) {
                    for (int o = 0; o < out; o++) if (dst[o] < 0) dst[o] = 0;
                } else {
                    softmax(dst);
                }
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
        private final double[][] mw, vw, mb, vb;
        private int t;

        Trainer(double lr, double l2) {
            this.lr = lr;
            this.l2 = l2;
            mw = new double[w.length][];
            vw = new double[w.length][];
            mb = new double[w.length][];
            vb = new double[w.length][];
            for (int l = 0; l < w.length; l++) {
                mw[l] = new double[w[l].length];
                vw[l] = new double[w[l].length];
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
                double[] gw = new double[in * out];
                double[] gb = new double[out];
                double[][] prev = l > 0 ? new double[batch][in] : null;
                for (int n = 0; n < batch; n++) {
                    double[] d = delta[n];
                    double[] src = a[l][n];
                    for (int o = 0; o < out; o++) gb[o] += d[o];
                    for (int i = 0; i < in; i++) {
                        double v = src[i];
                        int base = i * out;
                        if (v != 0) for (int o = 0; o < out; o++) gw[base + o] += v * d[o];
                        if (prev != null && v > 0) { // ReLU derivative: only active units pass gradient back
                            double s = 0;
                            for (int o = 0; o < out; o++) s += w[l][base + o] * d[o];
                            prev[n][i] = s;
                        }
                    }
                }
                for (int i = 0; i < gw.length; i++) gw[i] += l2 * w[l][i] / batch;
                adam(w[l], gw, mw[l], vw[l]);
                adam(b[l], gb, mb[l], vb[l]);
                delta = prev;
            }
        }

        private void adam(double[] p, double[] g, double[] m, double[] v) {
            double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < p.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                p[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            }
        }
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
