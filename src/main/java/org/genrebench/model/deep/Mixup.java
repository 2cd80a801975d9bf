package org.genrebench.model.deep;

import org.genrebench.util.Permutations;
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

    /** One batch's mixing: weight {@code lambda} on each row, {@code 1 − lambda} on row {@code partner[i]}. */
    record Mix(float lambda, int[] partner) {
        /** {@code rows} (one row per window or label of the batch, flattened) mixed; the input is left as it is. */
        float[] apply(float[] rows) {
            return blend(rows, partner, lambda);
        }
    }

    /**
     * λ and the partner permutation for a batch of {@code n}, from {@code rng} in that order; {@code null} for a
     * batch of one, which is left as it is.
     */
    static Mix draw(int n, double alpha, Random rng) {
        if (n < 2) return null;
        double u = Math.min(1 - 1e-9, Math.max(1e-9, rng.nextDouble()));
        float lambda = (float) new BetaDistribution(alpha, alpha).quantile(u);
        int[] partner = WindowBatches.identity(n);
        Permutations.shuffle(partner, rng);
        return new Mix(lambda, partner);
    }

    /** Rows of {@code rows} (one equal row per partner, flattened) as {@code λ·row_i + (1 − λ)·row_partner[i]}. */
    static float[] blend(float[] rows, int[] partner, float lambda) {
        int n = partner.length, len = rows.length / n;
        float[] out = new float[rows.length];
        for (int i = 0; i < n; i++) {
            int a = i * len, b = partner[i] * len;
            for (int k = 0; k < len; k++) out[a + k] = lambda * rows[a + k] + (1 - lambda) * rows[b + k];
        }
        return out;
    }
}
