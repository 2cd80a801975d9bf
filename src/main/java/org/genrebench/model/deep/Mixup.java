package org.genrebench.model.deep;

import org.genrebench.util.Permutations;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import smile.stat.distribution.BetaDistribution;

import java.util.Random;

/**
 * Mixup (Zhang et al., ICLR 2018) on one mini-batch: every window is blended with a partner from the same batch,
 * {@code x = λ·x_i + (1 − λ)·x_partner}, and so are their one-hot labels, with one {@code λ ~ Beta(α, α)} per batch
 * as the reference implementation draws it. λ is Smile's Beta quantile of a uniform from the training generator, so
 * that a seed fixes it.
 */
final class Mixup {
    private Mixup() {
    }

    /** The batch {@code (x, y)} mixed with a seeded partner permutation and λ; a batch of one is returned as it is. */
    static DataSet mix(INDArray x, INDArray y, double alpha, Random rng) {
        int n = (int) x.size(0);
        if (n < 2) return new DataSet(x, y);
        double u = Math.min(1 - 1e-9, Math.max(1e-9, rng.nextDouble()));
        float lambda = (float) new BetaDistribution(alpha, alpha).quantile(u);
        int[] partner = WindowBatches.identity(n);
        Permutations.shuffle(partner, rng);
        return new DataSet(Nd4j.create(blend(x.dup('c').data().asFloat(), n, partner, lambda), x.shape(), 'c'),
                Nd4j.create(blend(y.dup('c').data().asFloat(), n, partner, lambda), y.shape(), 'c'));
    }

    /** Rows of {@code rows} (n equal rows, flattened) as {@code λ·row_i + (1 − λ)·row_partner[i]}. */
    static float[] blend(float[] rows, int n, int[] partner, float lambda) {
        int len = rows.length / n;
        float[] out = new float[rows.length];
        for (int i = 0; i < n; i++) {
            int a = i * len, b = partner[i] * len;
            for (int k = 0; k < len; k++) out[a + k] = lambda * rows[a + k] + (1 - lambda) * rows[b + k];
        }
        return out;
    }
}
