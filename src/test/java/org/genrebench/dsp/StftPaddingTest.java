package org.genrebench.dsp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class StftPaddingTest {
    @Test
    void reflectIndexIsNumpys() {
        // np.pad([1, 2, 3], 5, mode='reflect') = [2 1 2 3 2 1 2 3 2 1 2 3 2]
        int[] expected = {2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], 1 + Stft.reflect(i - 5, 3), "position " + i);
        assertEquals(0, Stft.reflect(-4, 1));
    }

    /** A reflect-padded frame t is the zero-padded STFT's frame t + 1 of the signal padded by hand (hop = n_fft/2). */
    @Test
    void reflectFramesAreFramesOfTheMirroredSignal() {
        int nFft = 512, hop = 256, n = 5000;
        float[] y = new float[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) y[i] = (float) random.nextGaussian();
        float[] padded = new float[n + nFft];
        for (int i = 0; i < padded.length; i++) padded[i] = y[Stft.reflect(i - nFft / 2, n)];
        assertEquals(y[1], padded[nFft / 2 - 1]);
        assertEquals(y[n - 2], padded[nFft / 2 + n]);

        Stft reflect = new Stft(nFft, hop, Stft.Padding.REFLECT), zeros = new Stft(nFft, hop);
        int bins = reflect.bins(), frames = reflect.frames(n);
        float[] re = new float[frames * bins], im = new float[frames * bins];
        assertEquals(frames, reflect.forward(y, 0, n, re, im));
        int paddedFrames = zeros.frames(padded.length);
        float[] re2 = new float[paddedFrames * bins], im2 = new float[paddedFrames * bins];
        zeros.forward(padded, 0, padded.length, re2, im2);
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                assertEquals(re2[(t + 1) * bins + k], re[t * bins + k], 0f, "frame " + t + " bin " + k);
                assertEquals(im2[(t + 1) * bins + k], im[t * bins + k], 0f, "frame " + t + " bin " + k);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> reflect.forward(y, 0, 0, re, im));
    }
}
