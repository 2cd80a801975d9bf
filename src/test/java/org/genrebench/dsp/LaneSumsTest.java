package org.genrebench.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LaneSumsTest {
    private static final int CALLS = 200_000; // far past the C2 compile threshold of the summing loop

    @Test
    void doubleLanesAreAddedLaneZeroFirstInEveryJitTier() {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector");
        int n = DoubleVector.SPECIES_PREFERRED.length();
        Random rnd = new Random(3);
        double[][] inputs = new double[64][n];
        for (double[] v : inputs) for (int i = 0; i < n; i++) v[i] = mixedMagnitude(rnd);
        for (int call = 0; call < CALLS; call++) {
            double[] v = inputs[call % inputs.length];
            double expected = v[0];
            for (int i = 1; i < n; i++) expected += v[i];
            double got = LaneSums.sum(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, v, 0));
            assertEquals(expected, got, 0.0, "call " + call);
        }
    }

    @Test
    void floatLanesAreAddedLaneZeroFirstInEveryJitTier() {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector");
        int n = FloatVector.SPECIES_PREFERRED.length();
        Random rnd = new Random(4);
        float[][] inputs = new float[64][n];
        for (float[] v : inputs) for (int i = 0; i < n; i++) v[i] = (float) mixedMagnitude(rnd);
        for (int call = 0; call < CALLS; call++) {
            float[] v = inputs[call % inputs.length];
            float expected = v[0];
            for (int i = 1; i < n; i++) expected += v[i];
            float got = LaneSums.sum(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, v, 0));
            assertEquals(expected, got, 0.0f, "call " + call);
        }
    }

    @Test
    void orderMattersForTheseInputs() {
        // ((1e16 + 1) − 1e16) + 1 = 1 in lane order; a pairwise tree would give 0 or 2
        assumeTrue(Simd.AVAILABLE && DoubleVector.SPECIES_PREFERRED.length() >= 4, "needs 4 double lanes");
        double[] v = new double[DoubleVector.SPECIES_PREFERRED.length()];
        v[0] = 1e16;
        v[1] = 1;
        v[2] = -1e16;
        v[3] = 1;
        assertEquals(1.0, LaneSums.sum(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, v, 0)), 0.0);
    }

    /** Signed values over 12 decades, so that a different addition order almost always rounds differently. */
    private static double mixedMagnitude(Random rnd) {
        return (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextInt(12)) * (1 + rnd.nextDouble());
    }
}
