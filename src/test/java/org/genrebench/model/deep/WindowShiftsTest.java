package org.genrebench.model.deep;

import org.genrebench.dsp.MelFilterBank;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowShiftsTest {
    static final MelWindowShape SHAPE = new MelWindowShape(4, 3);

    /** value(band, frame) = 10·band + frame + 1, after a window of 7s that must stay as it is. */
    static float[] batch() {
        float[] b = new float[2 * SHAPE.length()];
        Arrays.fill(b, 0, SHAPE.length(), 7f);
        for (int band = 0; band < 4; band++) {
            for (int t = 0; t < 3; t++) b[SHAPE.length() + SHAPE.index(band, t)] = 10 * band + t + 1;
        }
        return b;
    }

    static float[] second(float[] b) {
        float[] first = Arrays.copyOf(b, SHAPE.length());
        float[] sevens = new float[SHAPE.length()];
        Arrays.fill(sevens, 7f);
        assertArrayEquals(sevens, first, "the other window of the batch changed");
        return Arrays.copyOfRange(b, SHAPE.length(), b.length);
    }

    @Test
    void shiftingUpMovesBandsToHigherIndicesAndFillsTheBottomWithTheMean() {
        float[] b = batch();
        WindowShifts.shiftBands(b, SHAPE.length(), SHAPE, 1);
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 3, 11, 12, 13, 21, 22, 23}, second(b));
    }

    @Test
    void shiftingDownMovesBandsToLowerIndicesAndFillsTheTop() {
        float[] b = batch();
        WindowShifts.shiftBands(b, SHAPE.length(), SHAPE, -2);
        assertArrayEquals(new float[] {21, 22, 23, 31, 32, 33, 0, 0, 0, 0, 0, 0}, second(b));
        float[] all = batch();
        WindowShifts.shiftBands(all, SHAPE.length(), SHAPE, 9);
        assertArrayEquals(new float[12], second(all), "a shift past every band leaves only the mean");
    }

    @Test
    void rollingWrapsFramesAroundWithinEachBand() {
        float[] b = batch();
        WindowShifts.roll(b, SHAPE.length(), SHAPE, 1);
        assertArrayEquals(new float[] {2, 3, 1, 12, 13, 11, 22, 23, 21, 32, 33, 31}, second(b));
        float[] back = batch();
        WindowShifts.roll(back, SHAPE.length(), SHAPE, -1);
        WindowShifts.roll(back, SHAPE.length(), SHAPE, 1);
        assertArrayEquals(Arrays.copyOfRange(batch(), SHAPE.length(), 2 * SHAPE.length()), second(back));
    }

    @Test
    void anOctaveOfBandsDoublesTheCentreFrequencyAboveOneKilohertz() {
        double perSemitone = WindowShifts.bandsPerSemitone(128);
        assertEquals(2.17, perSemitone, 0.01);
        // centre of band m (0-based) of librosa's 128-band bank over 0..11025 Hz
        double melStep = MelFilterBank.hzToMel(11025) / 129;
        int m = 80, octave = (int) Math.round(12 * perSemitone);
        double ratio = MelFilterBank.melToHz((m + 1 + octave) * melStep) / MelFilterBank.melToHz((m + 1) * melStep);
        assertEquals(2.0, ratio, 0.03);
    }

    @Test
    void defaultAugmentationDrawsExactlyWhatSpecAugmentAloneDraws() {
        MelWindowShape shape = new MelWindowShape(40, 50);
        float[] a = new float[shape.length()], b = new float[shape.length()];
        Arrays.fill(a, 1f);
        Arrays.fill(b, 1f);
        Random ra = new Random(5), rb = new Random(5);
        Augmentation.DEFAULT.apply(a, 0, shape, ra);
        SpecAugment.mask(b, 0, shape, rb);
        assertArrayEquals(b, a);
        assertEquals(rb.nextLong(), ra.nextLong(), "the generators drifted apart");
    }

    @Test
    void pitchShiftsStayWithinTheirLimit() {
        MelWindowShape shape = new MelWindowShape(128, 4);
        Augmentation pitch = new Augmentation(false, 0, 2, false);
        int most = (int) Math.round(2 * WindowShifts.bandsPerSemitone(128));
        Random rng = new Random(1);
        int widest = 0;
        for (int trial = 0; trial < 200; trial++) {
            float[] w = new float[shape.length()];
            for (int band = 0; band < 128; band++) Arrays.fill(w, band * 4, band * 4 + 4, band + 1);
            pitch.apply(w, 0, shape, rng);
            int zeroBands = 0;
            for (int band = 0; band < 128; band++) if (w[band * 4] == 0) zeroBands++;
            widest = Math.max(widest, zeroBands);
        }
        assertEquals(most, widest, "the widest of 200 draws reaches the limit and never passes it");
    }
}
