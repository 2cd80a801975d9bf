package org.genrebench.model.deep;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixupTest {
    @Test
    void blendsEachRowWithItsPartner() {
        float[] rows = {1, 2, 10, 20, 100, 200};
        float[] out = Mixup.blend(rows, 3, new int[] {2, 0, 1}, 0.75f);
        assertArrayEquals(new float[] {0.75f * 1 + 0.25f * 100, 0.75f * 2 + 0.25f * 200, 0.75f * 10 + 0.25f * 1,
                0.75f * 20 + 0.25f * 2, 0.75f * 100 + 0.25f * 10, 0.75f * 200 + 0.25f * 20}, out, 1e-4f);
    }

    @Test
    void mixedLabelsStayDistributionsAndTheSeedFixesTheMix() {
        Random data = new Random(1);
        float[] x = new float[8 * 6], y = new float[8 * 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) data.nextGaussian();
        for (int i = 0; i < 8; i++) y[i * 3 + i % 3] = 1;
        INDArray xs = Nd4j.create(x, new long[] {8, 1, 2, 3}, 'c'), ys = Nd4j.create(y, new long[] {8, 3}, 'c');
        DataSet a = Mixup.mix(xs, ys, 0.2, new Random(7)), b = Mixup.mix(xs, ys, 0.2, new Random(7));
        assertArrayEquals(a.getFeatures().data().asFloat(), b.getFeatures().data().asFloat(), 0f);
        assertArrayEquals(new long[] {8, 1, 2, 3}, a.getFeatures().shape());
        float[] mixed = a.getLabels().data().asFloat();
        for (int i = 0; i < 8; i++) {
            assertEquals(1, mixed[3 * i] + mixed[3 * i + 1] + mixed[3 * i + 2], 1e-6, "row " + i);
        }
        assertNotEquals(Nd4j.create(y, new long[] {8, 3}, 'c'), a.getLabels(), "the labels were not mixed");
        INDArray one = Nd4j.create(java.util.Arrays.copyOf(x, 6), new long[] {1, 1, 2, 3}, 'c');
        assertTrue(Mixup.mix(one, Nd4j.create(new float[] {1, 0, 0}, new long[] {1, 3}, 'c'), 0.2, new Random(7))
                .getFeatures().equals(one), "a batch of one stays as it is");
    }
}
