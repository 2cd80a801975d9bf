package org.genrebench.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DotTest {
    @Test
    void simdAndScalarGiveTheSameBitsForEveryLengthAndOffset() {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector");
        Random rnd = new Random(5);
        float[] a = new float[300], b = new float[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(8) - 4));
            b[i] = (float) rnd.nextGaussian();
        }
        for (int call = 0; call < 20_000; call++) { // past the JIT's compile thresholds
            int n = call % 70, aFrom = call % 13, bFrom = (call * 7) % 29;
            assertEquals(Dot.scalar(a, aFrom, b, bFrom, n), VectorDot.dot(a, aFrom, b, bFrom, n), 0f, "n " + n);
        }
    }

    @Test
    void sumsTheProducts() {
        float[] a = new float[19], b = new float[19];
        double expected = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = i + 1;
            b[i] = 0.5f * (i % 3);
            expected += a[i] * b[i];
        }
        assertEquals(expected, Dot.dot(a, 0, b, 0, a.length), 0.0);
        assertEquals(0f, Dot.dot(a, 0, b, 0, 0), 0f);
        assertEquals(4f, Dot.dot(a, 1, b, 1, 2), 0f); // a[1]·b[1] + a[2]·b[2] = 2·0.5 + 3·1
    }
}
