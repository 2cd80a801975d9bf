package org.genrebench.dataset.synth;

import java.util.SplittableRandom;

/** Synthesised drum one-shots, varied per track: kick (pitch-swept sine), snare (noise + tone), hi-hat (high-passed noise). */
final class DrumKit {
    final float[] kick, snare, closedHat, openHat;

    DrumKit(int sampleRate, SplittableRandom rnd) {
        kick = kick(sampleRate, 90 + 70 * rnd.nextDouble(), 0.12 + 0.15 * rnd.nextDouble());
        snare = snare(sampleRate, 160 + 80 * rnd.nextDouble(), 0.05 + 0.08 * rnd.nextDouble(), rnd);
        closedHat = hat(sampleRate, 0.01 + 0.02 * rnd.nextDouble(), rnd);
        openHat = hat(sampleRate, 0.08 + 0.1 * rnd.nextDouble(), rnd);
    }

    private static float[] kick(int rate, double sweepHz, double decay) {
        float[] out = new float[(int) (rate * 5 * decay)];
        double phase = 0;
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate;
            phase += (45 + sweepHz * StrictMath.exp(-t / 0.03)) / rate;
            phase -= Math.floor(phase);
            out[i] = (float) (Oscillators.sine(phase) * StrictMath.exp(-t / decay));
        }
        return out;
    }

    private static float[] snare(int rate, double toneHz, double decay, SplittableRandom rnd) {
        float[] out = new float[(int) (rate * 5 * decay)];
        double prev = 0;
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate;
            double noise = rnd.nextDouble() * 2 - 1;
            double bright = noise - 0.5 * prev; // gentle high-pass: snares are brighter than white noise
            prev = noise;
            double tone = Oscillators.sine((toneHz * t) % 1.0);
            out[i] = (float) (0.7 * bright * StrictMath.exp(-t / decay) + 0.5 * tone * StrictMath.exp(-t / 0.04));
        }
        return out;
    }

    private static float[] hat(int rate, double decay, SplittableRandom rnd) {
        float[] out = new float[(int) (rate * 5 * decay)];
        double prev = 0;
        for (int i = 0; i < out.length; i++) {
            double noise = rnd.nextDouble() * 2 - 1;
            out[i] = (float) (0.5 * (noise - prev) * StrictMath.exp(-i / (double) rate / decay)); // first difference: high-pass
            prev = noise;
        }
        return out;
    }

    static void add(float[] bus, float[] hit, int start, float gain) {
        int end = Math.min(bus.length, start + hit.length);
        for (int i = Math.max(0, start); i < end; i++) bus[i] += gain * hit[i - start];
    }
}
