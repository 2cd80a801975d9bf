package org.genrebench.model.deep;

import java.util.Random;

/**
 * What is done to training windows, and only to them: validation and prediction always see the windows as they
 * are. Per-window perturbations run in a fixed order (pitch shift, time shift, SpecAugment) from the training
 * generator, and each draws from it only when it is on, so turning one on leaves the others' draws for a seed
 * unchanged where it is off.
 *
 * @param specAugment SpecAugment-style time and frequency masks ({@link SpecAugment})
 * @param mixupAlpha  mixup's Beta(α, α) parameter for blending windows within a batch ({@link Mixup}); 0 = off
 * @param pitchShift  largest pitch shift in semitones, drawn uniformly per window as a whole number of mel bands
 *                    ({@link WindowShifts#shiftBands}); 0 = off
 * @param timeShift   roll each window by a uniform number of frames ({@link WindowShifts#roll})
 */
public record Augmentation(boolean specAugment, double mixupAlpha, double pitchShift, boolean timeShift) {
    /** SpecAugment on, the rest off: what the ablation on real audio supports (results/ablation-cnn-10genre.md). */
    public static final Augmentation DEFAULT = new Augmentation(true, 0, 0, false);
    /** Largest accepted pitch shift: an octave. */
    public static final double MAX_PITCH_SHIFT = 12;

    public Augmentation {
        if (!(mixupAlpha >= 0) || Double.isInfinite(mixupAlpha)) {
            throw new IllegalArgumentException("mixup alpha must be >= 0, got " + mixupAlpha);
        }
        if (!(pitchShift >= 0 && pitchShift <= MAX_PITCH_SHIFT)) {
            throw new IllegalArgumentException("pitch shift must be in [0, " + MAX_PITCH_SHIFT + "] semitones, got " + pitchShift);
        }
    }

    public Augmentation withSpecAugment(boolean on) {
        return new Augmentation(on, mixupAlpha, pitchShift, timeShift);
    }

    /** Mixup (Zhang et al., 2018) with mixing weights drawn from Beta(alpha, alpha); 0 turns it off. */
    public Augmentation withMixup(double alpha) {
        return new Augmentation(specAugment, alpha, pitchShift, timeShift);
    }

    public Augmentation withPitchShift(double semitones) {
        return new Augmentation(specAugment, mixupAlpha, semitones, timeShift);
    }

    public Augmentation withTimeShift(boolean on) {
        return new Augmentation(specAugment, mixupAlpha, pitchShift, on);
    }

    /** Whether any perturbation works window by window (all but mixup, which works on the batch). */
    boolean perturbsWindows() {
        return specAugment || pitchShift > 0 || timeShift;
    }

    /** Perturbs the normalised window at {@code offset} of {@code batch} in place. */
    void apply(float[] batch, int offset, MelWindowShape shape, Random rng) {
        if (pitchShift > 0) {
            int most = (int) Math.round(pitchShift * WindowShifts.bandsPerSemitone(shape.bands()));
            WindowShifts.shiftBands(batch, offset, shape, rng.nextInt(2 * most + 1) - most);
        }
        if (timeShift) WindowShifts.roll(batch, offset, shape, rng.nextInt(shape.frames()));
        if (specAugment) SpecAugment.mask(batch, offset, shape, rng);
    }
}
