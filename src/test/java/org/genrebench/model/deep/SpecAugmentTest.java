package org.genrebench.model.deep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecAugmentTest {
    @Test
    void masksAtMostOneBandRangeAndOneFrameRangeOfTheTargetWindowOnly() {
        MelWindowShape shape = new MelWindowShape(40, 50);
        Random rng = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            float[] batch = new float[3 * shape.length()];
            Arrays.fill(batch, 1f);
            SpecAugment.mask(batch, shape.length(), shape, rng);
            int zeros = 0;
            for (int i = 0; i < batch.length; i++) {
                if (batch[i] == 0f) {
                    zeros++;
                    assertTrue(i >= shape.length() && i < 2 * shape.length(), "masked outside the window");
                }
            }
            int maxF = (int) (40 * SpecAugment.MAX_FREQ_SHARE), maxT = (int) (50 * SpecAugment.MAX_TIME_SHARE);
            assertTrue(zeros <= maxF * 50 + maxT * 40, "mask too large: " + zeros);
        }
    }
}
