package org.genrebench.model.deep;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class MixupTest {
    @Test
    void blendsEachRowWithItsPartner() {
        float[] rows = {1, 2, 10, 20, 100, 200};
        float[] out = Mixup.blend(rows, new int[] {2, 0, 1}, 0.75f);
        assertArrayEquals(new float[] {0.75f * 1 + 0.25f * 100, 0.75f * 2 + 0.25f * 200, 0.75f * 10 + 0.25f * 1,
                0.75f * 20 + 0.25f * 2, 0.75f * 100 + 0.25f * 10, 0.75f * 200 + 0.25f * 20}, out, 1e-4f);
    }

    @Test
    void mixedLabelsStayDistributionsAndTheSeedFixesTheMix() {
        Random data = new Random(1);
        float[] x = new float[8 * 6], y = new float[8 * 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) data.nextGaussian();
        for (int i = 0; i < 8; i++) y[i * 3 + i % 3] = 1;
        Mixup.Mix a = Mixup.draw(8, 0.2, new Random(7)), b = Mixup.draw(8, 0.2, new Random(7));
        assertArrayEquals(a.apply(x), b.apply(x), 0f);
        float[] mixed = a.apply(y);
        for (int i = 0; i < 8; i++) {
            assertEquals(1, mixed[3 * i] + mixed[3 * i + 1] + mixed[3 * i + 2], 1e-6, "row " + i);
        }
        assertFalse(java.util.Arrays.equals(y, mixed), "the labels were not mixed");
        assertEquals(1f, y[0], "the input labels are left as they were");
        assertNull(Mixup.draw(1, 0.2, new Random(7)), "a batch of one is not mixed");
    }
}
