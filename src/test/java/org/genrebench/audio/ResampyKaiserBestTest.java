package org.genrebench.audio;

import org.junit.jupiter.api.Test;

import static org.genrebench.testutil.TestAudio.middleRms;
import static org.genrebench.testutil.TestAudio.sine;
import static org.junit.jupiter.api.Assertions.*;

class ResampyKaiserBestTest {
    @Test
    void lengthIsResampysFloorZeroPaddedToLibrosasCeiling() {
        float[] x = new float[661_794]; // a 30-s GTZAN clip
        java.util.Arrays.fill(x, 0.25f);
        float[] y = ResampyKaiserBest.resample(x, 22050, 16000);
        assertEquals(480_214, y.length); // ceil(480 213.3)
        assertEquals(0f, y[480_213], "the sample librosa adds is zero");
        assertNotEquals(0f, y[480_212]);
        assertEquals(2000, ResampyKaiserBest.resample(new float[1000], 8000, 16000).length);
        assertArrayEquals(x, ResampyKaiserBest.resample(x, 16000, 16000));
        assertEquals(1, ResampyKaiserBest.resample(new float[1], 22050, 16000).length); // resampy's 0 samples, padded to 1
    }

    @Test
    void tableIsResampysKaiserWindowedSinc() {
        double[] t = ResampyKaiserBest.halfWindow();
        assertEquals(64 * 512 + 1, t.length);
        assertEquals(ResampyKaiserBest.ROLLOFF, t[0], 1e-15); // sinc(0) = 1, window centre 1
        assertEquals(0, t[t.length - 1], 1e-6);                // the Kaiser window's edge: I0(0)/I0(β)
        // a zero crossing of the sinc falls at k = 512 / roll-off
        int k = (int) Math.round(512 / ResampyKaiserBest.ROLLOFF);
        assertTrue(Math.abs(t[k]) < 2e-3 * t[0] && t[k - 3] * t[k + 3] < 0, "zero crossing near " + k);
    }

    /**
     * The tabled, linearly interpolated filter against the continuous windowed sinc evaluated directly at the same
     * filter positions. Like resampy 0.2.2, successive taps lie {@code ⌊512·ratio⌋} table entries apart (371 at
     * 22 050 → 16 000, not 371.5): the positions below follow that, the values are computed without the table.
     */
    @Test
    void samplesEqualTheDirectlyEvaluatedFilter() {
        int from = 22050, to = 16000;
        float[] x = sine(440, 0.3, from, 8000);
        for (int i = 0; i < x.length; i += 13) x[i] += 0.2f;
        float[] y = ResampyKaiserBest.resample(x, from, to);
        double ratio = (double) to / from, step = (int) (ratio * 512);
        for (int t : new int[]{0, 1, 100, 2000, 4000, 5000, y.length - 2}) {
            double time = t / ratio;
            int n = (int) time;
            double left = ratio * (time - n) * 512, right = ratio * 512 - left, sum = 0;
            for (int i = 0; left + i * step <= 64 * 512 && n - i >= 0; i++) sum += filter(left + i * step, ratio) * x[n - i];
            for (int k = 0; right + k * step <= 64 * 512 && n + k + 1 < x.length; k++) sum += filter(right + k * step, ratio) * x[n + k + 1];
            assertEquals(sum, y[t], 1e-6, "output sample " + t);
        }
    }

    /** The windowed sinc at table position {@code k} (512 per zero crossing), scaled by the rate ratio. */
    private static double filter(double k, double ratio) {
        double r = ResampyKaiserBest.ROLLOFF, beta = ResampyKaiserBest.BETA, u = k / 512;
        double sinc = u == 0 ? 1 : Math.sin(Math.PI * r * u) / (Math.PI * r * u);
        double window = Resampling.besselI0(beta * Math.sqrt(Math.max(0, 1 - (u / 64) * (u / 64)))) / Resampling.besselI0(beta);
        return ratio * r * sinc * window;
    }

    @Test
    void passesTheBandAndStopsAboveTheRollOff() {
        float[] low = ResampyKaiserBest.resample(sine(1000, 0.5, 22050, 22050), 22050, 16000);
        assertEquals(0.5 / Math.sqrt(2), middleRms(low), 1e-3);
        float[] high = ResampyKaiserBest.resample(sine(9000, 0.5, 22050, 22050), 22050, 16000); // above 8 kHz
        assertTrue(20 * Math.log10(middleRms(high) / (0.5 / Math.sqrt(2))) < -60, "9 kHz leaks: " + middleRms(high));
        float[] up = ResampyKaiserBest.resample(sine(1000, 0.5, 8000, 8000), 8000, 16000);
        assertEquals(0.5 / Math.sqrt(2), middleRms(up), 1e-3);
    }
}
