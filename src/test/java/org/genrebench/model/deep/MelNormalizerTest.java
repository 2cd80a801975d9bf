package org.genrebench.model.deep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MelNormalizerTest {
    private static final MelWindowShape SHAPE = new MelWindowShape(2, 3);

    @Test
    void standardisesEachBandWithItsOwnStatistics() {
        // band 0: 1,2,3 / 3,4,5 -> mean 3, var 10/6 ; band 1 constant 10 -> std floored, maps to 0
        List<float[]> windows = List.of(new float[] {1, 2, 3, 10, 10, 10}, new float[] {3, 4, 5, 10, 10, 10});
        MelNormalizer n = MelNormalizer.fit(SHAPE, windows);
        assertArrayEquals(new float[] {3, 10}, n.mean());
        assertEquals(Math.sqrt(10.0 / 6), n.std()[0], 1e-6);

        float[] out = new float[SHAPE.length()];
        n.apply(new float[] {3, 3, 3, 10, 10, 10}, out, 0);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, out);
    }

    @Test
    void rejectsWindowsOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class, () -> MelNormalizer.fit(SHAPE, List.of(new float[5])));
    }
}
