package org.genrebench.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RealFftTest {
    @Test
    void forwardMatchesDftAndInverseRoundTrips() {
        Random rnd = new Random(3);
        for (int n : new int[]{4, 8, 16, 64, 2048}) {
            RealFft fft = new RealFft(n);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
            double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
            fft.forward(x, re, im);
            for (int k = 0; k <= n / 2; k += Math.max(1, n / 64)) {
                double sr = 0, si = 0;
                for (int m = 0; m < n; m++) {
                    double a = -2 * Math.PI * (long) k * m / n;
                    sr += x[m] * Math.cos(a);
                    si += x[m] * Math.sin(a);
                }
                assertEquals(sr, re[k], 1e-9 * n, "re n=" + n + " k=" + k);
                assertEquals(si, im[k], 1e-9 * n, "im n=" + n + " k=" + k);
            }
            double[] back = new double[n];
            fft.inverse(re, im, back);
            for (int i = 0; i < n; i++) assertEquals(x[i], back[i], 1e-12, "round trip n=" + n);
        }
    }
}
