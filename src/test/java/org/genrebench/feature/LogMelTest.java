package org.genrebench.feature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogMelTest {
    @Test
    void trackMatchesLibrosaMelDb() {
        LibrosaReference ref = new LibrosaReference("blues.00000");
        float[] y = ref.audio();
        LogMel lm = new LogMel();
        float[] got = lm.track(y);
        int frames = lm.frames(y.length);
        double[][] want = ref.array("mel_power_db");
        double err = 0;
        for (int m = 0; m < 128; m++) for (int t = 0; t < frames; t++) err = Math.max(err, Math.abs(got[m * frames + t] - want[m][t]));
        assertTrue(err < 2e-3, "max |Δ| dB " + err);
    }

    @Test
    void windowsAreIndependentClipsWithHalfOverlap() {
        LogMel lm = new LogMel();
        int len = lm.windowSamples(3.0);
        assertEquals(66150, len);
        assertEquals(130, lm.frames(len));
        int[] starts = LogMel.windowStarts(661794, len, 0.5);
        assertEquals(19, starts.length);
        assertEquals(33075, starts[1]);

        float[] y = new float[5 * 22050];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 22050.0) + 0.01 * Math.sin(i * 0.37));
        float[] all = lm.windows(y, len, 0.5);
        int per = 128 * 130;
        assertEquals(LogMel.windowStarts(y.length, len, 0.5).length * per, all.length);
        float[] second = new float[per];
        float[] clip = java.util.Arrays.copyOfRange(y, starts[1], starts[1] + len);
        lm.window(clip, 0, len, second, 0);
        assertArrayEquals(second, java.util.Arrays.copyOfRange(all, per, 2 * per));
    }
}
