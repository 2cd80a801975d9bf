package org.genrebench.model.deep;

import java.util.Random;

/**
 * SpecAugment-style masking (Park et al., 2019) without time warping: one frequency band range and one time
 * range per window set to 0, the normalised mean. Applied to normalised training windows only, so a masked
 * region looks like "average" energy rather than silence.
 */
final class SpecAugment {
    /** Widest masks as a share of the axis (SpecAugment's F and T, scaled to the window). */
    static final double MAX_FREQ_SHARE = 0.15;
    static final double MAX_TIME_SHARE = 0.15;

    private SpecAugment() {
    }

    /** Masks the window stored at {@code offset} in {@code batch} in place. */
    static void mask(float[] batch, int offset, MelWindowShape shape, Random rng) {
        int bands = shape.bands(), frames = shape.frames();
        int f = rng.nextInt((int) (bands * MAX_FREQ_SHARE) + 1);
        int f0 = rng.nextInt(bands - f + 1);
        for (int b = f0; b < f0 + f; b++) {
            java.util.Arrays.fill(batch, offset + b * frames, offset + (b + 1) * frames, 0f);
        }
        int t = rng.nextInt((int) (frames * MAX_TIME_SHARE) + 1);
        int t0 = rng.nextInt(frames - t + 1);
        for (int b = 0; b < bands; b++) {
            java.util.Arrays.fill(batch, offset + b * frames + t0, offset + b * frames + t0 + t, 0f);
        }
    }
}
