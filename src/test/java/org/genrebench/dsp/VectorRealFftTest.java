package org.genrebench.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VectorRealFftTest {
    @Test
    void everyLaneIsBitIdenticalToTheScalarFft() {
        assumeTrue(Simd.AVAILABLE, "needs --add-modules jdk.incubator.vector");
        Random rnd = new Random(5);
        int lanes = VectorRealFft.lanes();
        for (int n : new int[]{4, 8, 16, 32, 64, 1024, 2048}) {
            RealFft scalar = new RealFft(n);
            VectorRealFft vector = new VectorRealFft(n);
            int bins = n / 2 + 1;
            double[] x = new double[n * lanes];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
            double[] vre = new double[bins * lanes], vim = new double[bins * lanes], vback = new double[n * lanes];
            vector.forward(x, vre, vim);
            vector.inverse(vre, vim, vback);
            for (int l = 0; l < lanes; l++) {
                double[] frame = new double[n], re = new double[bins], im = new double[bins], back = new double[n];
                for (int i = 0; i < n; i++) frame[i] = x[i * lanes + l];
                scalar.forward(frame, re, im);
                scalar.inverse(re, im, back);
                assertArrayEquals(re, lane(vre, l, lanes), 0.0, "re n=" + n);
                assertArrayEquals(im, lane(vim, l, lanes), 0.0, "im n=" + n);
                assertArrayEquals(back, lane(vback, l, lanes), 0.0, "inverse n=" + n);
            }
        }
    }

    private static double[] lane(double[] v, int l, int lanes) {
        double[] out = new double[v.length / lanes];
        for (int i = 0; i < out.length; i++) out[i] = v[i * lanes + l];
        return out;
    }
}
