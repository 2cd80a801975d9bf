package org.genrebench.dataset.synth;

import org.genrebench.dataset.synth.GenreStyle.Wave;

/**
 * Note rendering: a phase-accumulating oscillator under an attack/decay/release envelope, added into a bus.
 * Sine comes from a table built with StrictMath so output is bit-identical on every JVM.
 */
final class Oscillators {
    private static final int TABLE_SIZE = 4096;
    private static final float[] SINE = new float[TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= TABLE_SIZE; i++) SINE[i] = (float) StrictMath.sin(2 * StrictMath.PI * i / TABLE_SIZE);
    }

    private Oscillators() {
    }

    /** Sine of {@code phase} in cycles, [0, 1). */
    static float sine(double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        float frac = (float) (x - i);
        return SINE[i] + frac * (SINE[i + 1] - SINE[i]);
    }

    static float wave(Wave wave, double phase) {
        return switch (wave) {
            case SINE -> sine(phase);
            case TRIANGLE -> (float) (phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase);
            case SAW -> (float) (2 * phase - 1);
            case SQUARE -> phase < 0.5 ? 0.7f : -0.7f;
        };
    }

    /**
     * Adds one note to {@code bus}.
     *
     * @param decaySeconds time constant of the fall from the attack peak to {@code sustain}
     */
    static void addNote(float[] bus, int start, int length, double freqHz, float amp, Wave wave, int sampleRate,
                        double attackSeconds, double decaySeconds, float sustain) {
        int end = Math.min(bus.length, start + length);
        int attack = Math.max(1, (int) (attackSeconds * sampleRate));
        int release = Math.min(length / 2 + 1, sampleRate / 100); // 10 ms fade-out avoids clicks
        float decay = (float) StrictMath.exp(-1.0 / (decaySeconds * sampleRate));
        double step = freqHz / sampleRate, phase = 0;
        float level = 1;
        for (int i = Math.max(0, start); i < end; i++) {
            int t = i - start;
            float env;
            if (t < attack) {
                env = t / (float) attack;
            } else {
                level = sustain + (level - sustain) * decay;
                env = level;
            }
            int left = start + length - i;
            if (left < release) env *= left / (float) release;
            bus[i] += amp * env * wave(wave, phase);
            phase += step;
            if (phase >= 1) phase -= 1;
        }
    }

    static double midiToHz(double midi) {
        return 440 * StrictMath.pow(2, (midi - 69) / 12);
    }
}
