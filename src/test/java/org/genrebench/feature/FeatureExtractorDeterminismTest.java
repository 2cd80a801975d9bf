package org.genrebench.feature;

import org.genrebench.dsp.Simd;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The same samples give the same 58 features, bit for bit, however often they are extracted in one JVM: the first
 * calls run interpreted, later ones in JIT-compiled (C2) kernels, and no reduction may depend on which.
 */
class FeatureExtractorDeterminismTest {
    private static final int SR = SpectralParams.DEFAULT.sampleRate();

    @Test
    void repeatedExtractionIsBitIdenticalAcrossJitTiers() {
        float[] clip = clip(SR / 2, 11);
        FeatureExtractor fx = new FeatureExtractor();
        double[] first = fx.extract(clip);
        // enough calls for the hot kernels (matrix products, FFT, spectra) to reach C2 under any scheduling
        int calls = Simd.AVAILABLE ? 400 : 100;
        for (int i = 1; i <= calls; i++) {
            double[] again = fx.extract(clip);
            assertArrayEquals(first, again, 0.0, "call " + i + " differs from the first");
        }
        assertArrayEquals(first, new FeatureExtractor().extract(clip.clone()), 0.0, "a fresh extractor on a copy");
    }

    /** A deterministic mix of tones, a click train and noise (exercises chroma, MFCC, HPSS and tempo). */
    private static float[] clip(int n, long seed) {
        Random rnd = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / SR;
            double s = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 329.6 * t)
                    + 0.05 * rnd.nextGaussian() + (i % (SR / 4) < 40 ? 0.4 : 0);
            y[i] = (float) s;
        }
        return y;
    }
}
