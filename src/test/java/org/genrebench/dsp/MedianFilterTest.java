package org.genrebench.dsp;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MedianFilterTest {
    /** scipy.ndimage.median_filter(x, size=w, mode='reflect') by brute force. */
    static float[] naive(float[] x, int w) {
        int n = x.length, r = w / 2;
        float[] out = new float[n], win = new float[w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) win[j] = x[MedianFilter.reflect(i + j - r, n)];
            Arrays.sort(win);
            out[i] = win[r];
        }
        return out;
    }

    @Test
    void vectorFilterMatchesScalarOnManyLanes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorMedianFilter.available(), "run with --add-modules jdk.incubator.vector");
        Random rnd = new Random(11);
        for (int n : new int[]{3, 20, 1293}) {
            for (int lanes : new int[]{1, 300, 1025}) {
                float[] data = new float[n * lanes];
                for (int i = 0; i < data.length; i++) data[i] = rnd.nextInt(5) == 0 ? 0f : (float) Math.abs(rnd.nextGaussian());
                float[] want = new float[data.length], got = new float[data.length];
                MedianFilter mf = new MedianFilter(31);
                for (int l = 0; l < lanes; l++) mf.filter(data, l, lanes, n, want, l, lanes);
                new VectorMedianFilter(31).filter(data, n, lanes, got);
                assertArrayEquals(want, got, "n=" + n + " lanes=" + lanes);
                // the same data read as lanes × n rows (series contiguous, no transposition)
                float[] wantRows = new float[data.length], gotRows = new float[data.length];
                for (int l = 0; l < n; l++) mf.filter(data, l * lanes, 1, lanes, wantRows, l * lanes, 1);
                new VectorMedianFilter(31).filter(data, lanes, n, 1, lanes, gotRows);
                assertArrayEquals(wantRows, gotRows, "rows n=" + n + " lanes=" + lanes);
            }
        }
    }

    @Test
    void reflectIsHalfSampleSymmetric() {
        assertEquals(0, MedianFilter.reflect(-1, 5));
        assertEquals(1, MedianFilter.reflect(-2, 5));
        assertEquals(4, MedianFilter.reflect(5, 5));
        assertEquals(3, MedianFilter.reflect(6, 5));
    }

    @Test
    void slidingFilterMatchesBruteForce() {
        Random rnd = new Random(7);
        for (int n : new int[]{1, 5, 16, 31, 100, 1293}) {
            int lanes = 37;
            float[] data = new float[n * lanes];
            for (int i = 0; i < data.length; i++) data[i] = rnd.nextInt(4) == 0 ? 0f : (float) Math.abs(rnd.nextGaussian());
            MedianFilter mf = new MedianFilter(31);
            for (int l = 0; l < lanes; l++) {
                float[] series = new float[n];
                for (int i = 0; i < n; i++) series[i] = data[i * lanes + l];
                float[] want = naive(series, 31), got = new float[n];
                mf.filter(data, l, lanes, n, got, 0, 1);
                assertArrayEquals(want, got, "sliding n=" + n);
            }
        }
    }
}
