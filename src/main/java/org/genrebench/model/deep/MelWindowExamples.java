package org.genrebench.model.deep;

import org.genrebench.model.training.Examples;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * Labelled mel windows as the networks' batches: normalised, and for training augmented ({@link Augmentation},
 * then {@link Mixup} across the batch).
 *
 * @param windows views: the windows may be read from disk on access
 */
record MelWindowExamples(List<float[]> windows, int[] labels, int numClasses, MelNormalizer normalizer,
                         MelWindowShape shape, Augmentation augmentation) implements Examples {

    @Override
    public int size() {
        return windows.size();
    }

    @Override
    public DataSet batch(int[] order, int from, int to) {
        return new DataSet(WindowBatches.features(windows, order, from, to, normalizer, shape, null, null),
                WindowBatches.oneHot(labels, order, from, to, numClasses));
    }

    @Override
    public DataSet trainingBatch(int[] order, int from, int to, Random rng) {
        int n = to - from;
        float[] x = WindowBatches.featureData(windows, order, from, to, normalizer, shape, augmentation, rng);
        float[] y = WindowBatches.oneHotData(labels, order, from, to, numClasses);
        if (augmentation.mixupAlpha() > 0) {
            Mixup.Mix mix = Mixup.draw(n, augmentation.mixupAlpha(), rng);
            x = mix.apply(x);
            y = mix.apply(y);
        }
        return new DataSet(WindowBatches.windows(x, n, shape), Nd4j.create(y, new long[] {n, numClasses}, 'c'));
    }
}
