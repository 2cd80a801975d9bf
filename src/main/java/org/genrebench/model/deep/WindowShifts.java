package org.genrebench.model.deep;

import org.genrebench.dsp.MelFilterBank;
import org.genrebench.feature.SpectralParams;

import java.util.Arrays;

/**
 * Pitch and time shifts of a normalised mel window, the spectrogram-domain stand-ins for shifting the audio
 * (as audiomentations' {@code PitchShift} and {@code Shift} do on the waveform) at no decoding or STFT cost.
 */
final class WindowShifts {
    private WindowShifts() {
    }

    /**
     * Mel bands per semitone of the networks' log-mel input ({@link SpectralParams#DEFAULT}: 0 Hz to Nyquist) with
     * {@code bands} bands. The Slaney scale is logarithmic above 1 kHz, so there a shift by whole bands is a pitch
     * shift (≈ 2.17 bands per semitone at 128 bands); below 1 kHz, the lowest ~39 of 128 bands, it is linear and the
     * same shift moves frequencies by a fixed number of hertz instead.
     */
    static double bandsPerSemitone(int bands) {
        double nyquist = SpectralParams.DEFAULT.sampleRate() / 2.0;
        double melPerBand = MelFilterBank.hzToMel(nyquist) / (bands + 1); // centres are equally spaced in mel
        double melPerSemitone = MelFilterBank.hzToMel(2000 * Math.pow(2, 1 / 12.0)) - MelFilterBank.hzToMel(2000);
        return melPerSemitone / melPerBand;
    }

    /**
     * Moves every band up by {@code shift} bands (down when negative); the bands left empty at the edge take 0,
     * the normalised mean, as SpecAugment's masks do.
     */
    static void shiftBands(float[] batch, int offset, MelWindowShape shape, int shift) {
        int bands = shape.bands(), frames = shape.frames();
        if (shift == 0) return;
        if (Math.abs(shift) >= bands) {
            Arrays.fill(batch, offset, offset + shape.length(), 0f);
        } else if (shift > 0) {
            System.arraycopy(batch, offset, batch, offset + shift * frames, (bands - shift) * frames);
            Arrays.fill(batch, offset, offset + shift * frames, 0f);
        } else {
            System.arraycopy(batch, offset - shift * frames, batch, offset, (bands + shift) * frames);
            Arrays.fill(batch, offset + (bands + shift) * frames, offset + shape.length(), 0f);
        }
    }

    /** Rolls every band left by {@code frames0} frames, wrapping around: frame {@code t} becomes frame {@code t + frames0}. */
    static void roll(float[] batch, int offset, MelWindowShape shape, int frames0) {
        int frames = shape.frames();
        int r = Math.floorMod(frames0, frames);
        if (r == 0) return;
        float[] row = new float[frames];
        for (int b = 0; b < shape.bands(); b++) {
            int at = offset + b * frames;
            System.arraycopy(batch, at + r, row, 0, frames - r);
            System.arraycopy(batch, at, row, frames - r, r);
            System.arraycopy(row, 0, batch, at, frames);
        }
    }
}
