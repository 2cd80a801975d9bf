package org.genrebench.model.deep;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/** Packs mel windows into the network's input tensors. */
final class WindowBatches {
    private WindowBatches() {
    }

    /**
     * Normalised windows {@code order[from..to)} as one tensor {@code [n, 1, bands, frames]} (NCHW) or
     * {@code [n, bands, frames, 1]} (NHWC); both are the same bytes because there is one channel.
     *
     * @param augmentation applied to each normalised window with draws from {@code rng}; {@code null} for none
     *                     (validation, inference)
     */
    static INDArray features(List<float[]> windows, int[] order, int from, int to, MelNormalizer normalizer,
                             MelWindowShape shape, Augmentation augmentation, Random rng) {
        return windows(featureData(windows, order, from, to, normalizer, shape, augmentation, rng), to - from, shape);
    }

    /** The values of {@link #features}, flattened window after window, before they become a tensor. */
    static float[] featureData(List<float[]> windows, int[] order, int from, int to, MelNormalizer normalizer,
                               MelWindowShape shape, Augmentation augmentation, Random rng) {
        int n = to - from, len = shape.length();
        float[] data = new float[n * len];
        for (int i = 0; i < n; i++) {
            normalizer.apply(windows.get(order[from + i]), data, i * len);
            if (augmentation != null && augmentation.perturbsWindows()) {
                augmentation.apply(data, i * len, shape, rng);
            }
        }
        return data;
    }

    /** {@code n} flattened windows as the networks' input tensor (no copy). */
    static INDArray windows(float[] data, int n, MelWindowShape shape) {
        long[] dims = Blocks.FORMAT == org.deeplearning4j.nn.conf.CNN2DFormat.NCHW
                ? new long[] {n, 1, shape.bands(), shape.frames()}
                : new long[] {n, shape.bands(), shape.frames(), 1};
        return Nd4j.create(data, dims, 'c');
    }

    /** One-hot labels {@code [n, numClasses]} for {@code order[from..to)}. */
    static INDArray oneHot(int[] labels, int[] order, int from, int to, int numClasses) {
        return Nd4j.create(oneHotData(labels, order, from, to, numClasses), new long[] {to - from, numClasses}, 'c');
    }

    /** The values of {@link #oneHot}, row after row. */
    static float[] oneHotData(int[] labels, int[] order, int from, int to, int numClasses) {
        float[] data = new float[(to - from) * numClasses];
        for (int i = from; i < to; i++) {
            data[(i - from) * numClasses + labels[order[i]]] = 1f;
        }
        return data;
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }
}
