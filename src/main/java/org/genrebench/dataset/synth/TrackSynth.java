package org.genrebench.dataset.synth;

import org.genrebench.dataset.synth.GenreStyle.BassLine;
import org.genrebench.dataset.synth.GenreStyle.ChordShape;

import java.util.SplittableRandom;

/**
 * Renders a {@link TrackRecipe} to audio: drums, bass, chords and lead on a sixteenth-note grid, each part
 * on its own bus, then filtered, distorted, levelled, mixed and given background noise.
 */
final class TrackSynth {
    private final TrackRecipe r;
    private final int rate;
    private final int length;
    private final SplittableRandom rnd;
    private final double stepSamples;

    private TrackSynth(TrackRecipe recipe, int sampleRate, int length, SplittableRandom rnd) {
        this.r = recipe;
        this.rate = sampleRate;
        this.length = length;
        this.rnd = rnd;
        this.stepSamples = 60.0 / recipe.tempo() / 4 * sampleRate;
    }

    static float[] render(TrackRecipe recipe, int sampleRate, int length, SplittableRandom rnd) {
        return new TrackSynth(recipe, sampleRate, length, rnd).mix();
    }

    private float[] mix() {
        int steps = (int) Math.ceil(length / stepSamples) + 1;
        float[] drums = drums(steps), bass = bass(steps), chords = chords(steps), lead = lead(steps);
        float[] tonal = new float[length];
        addScaled(tonal, chords, (float) (r.mix().chords() / rms(chords)));
        addScaled(tonal, lead, (float) (r.mix().lead() / rms(lead)));
        lowPass(tonal, r.brightness());
        lowPass(tonal, r.brightness());
        if (r.drive() > 1) distort(tonal, r.drive());
        lowPass(bass, 900);

        float[] out = new float[length];
        addScaled(out, tonal, (float) (1 / rms(tonal)));
        addScaled(out, bass, (float) (r.mix().bass() / rms(bass)));
        addScaled(out, drums, (float) (r.mix().drums() / rms(drums)));
        float peak = 1e-9f;
        for (float s : out) peak = Math.max(peak, Math.abs(s));
        float gain = (float) (r.peak() / peak), noise = (float) r.noise();
        for (int i = 0; i < length; i++) out[i] = out[i] * gain + noise * (float) (rnd.nextDouble() * 2 - 1);
        return out;
    }

    /** Sample index of grid step {@code k}: swing delays off-beat eighths and sixteenths; a little human jitter. */
    private int onset(int k) {
        double t = k * stepSamples;
        if (k % 4 == 2) t += r.swing() * stepSamples;
        else if (k % 2 == 1) t += 0.5 * r.swing() * stepSamples;
        return (int) (t + (rnd.nextDouble() - 0.5) * 0.004 * rate);
    }

    private static char hit(String pattern, int k) {
        return pattern == null ? '.' : pattern.charAt(k % pattern.length());
    }

    private static float velocity(char hit) {
        return hit == 'o' ? 1f : hit == 'x' ? 0.7f : 0f;
    }

    private float[] drums(int steps) {
        float[] bus = new float[length];
        if (r.kick() == null && r.snare() == null && r.hat() == null) return bus;
        DrumKit kit = new DrumKit(rate, rnd);
        for (int k = 0; k < steps; k++) {
            int at = onset(k);
            float humanise = (float) (0.85 + 0.15 * rnd.nextDouble());
            char kick = hit(r.kick(), k), snare = hit(r.snare(), k), hat = hit(r.hat(), k);
            if (kick != '.') DrumKit.add(bus, kit.kick, at, velocity(kick) * humanise);
            if (snare != '.') DrumKit.add(bus, kit.snare, at, velocity(snare) * humanise);
            if (hat != '.') DrumKit.add(bus, hat == 'o' ? kit.openHat : kit.closedHat, at, 0.6f * humanise);
        }
        return bus;
    }

    /** Scale degree of the chord sounding at grid step {@code k}. */
    private int chordDegree(int k) {
        int bar = k / 16;
        int[] prog = r.progression();
        return prog[(bar / r.harmony().barsPerChord()) % prog.length];
    }

    private double pitch(int degree, int octave) {
        return Oscillators.midiToHz(r.rootMidi() + 12 * octave + r.mode().semitones(degree));
    }

    private float[] chords(int steps) {
        float[] bus = new float[length];
        ChordShape shape = r.harmony().shape();
        double attack = r.attackMs() / 1000, pad = r.attackMs() > 100 ? 1 : 0;
        int noteLength = (int) (r.harmony().chordNoteSteps() * stepSamples);
        for (int k = 0; k < steps; k++) {
            char h = hit(r.chordRhythm(), k);
            if (h == '.') continue;
            int degree = chordDegree(k), at = onset(k);
            float amp = velocity(h);
            if (shape == ChordShape.POWER) {
                double root = Oscillators.midiToHz(r.rootMidi() + 12 + r.mode().semitones(degree));
                for (double ratio : new double[]{1, 1.5, 2}) {
                    Oscillators.addNote(bus, at, noteLength, root * ratio, amp, r.timbre().chordWave(), rate, attack, 0.4, 0.5f);
                }
            } else {
                int voices = shape == ChordShape.SEVENTH ? 4 : 3;
                for (int v = 0; v < voices; v++) {
                    Oscillators.addNote(bus, at, noteLength, pitch(degree + 2 * v, 2), amp, r.timbre().chordWave(), rate,
                            attack, 0.3 + 2 * pad, (float) (0.3 + 0.6 * pad));
                }
            }
        }
        return bus;
    }

    private float[] bass(int steps) {
        float[] bus = new float[length];
        BassLine line = r.harmony().bassLine();
        int hitIndex = 0, walk = 0;
        for (int k = 0; k < steps; k++) {
            char h = hit(r.bassRhythm(), k);
            if (h == '.') continue;
            int next = k + 1;
            while (next < k + 16 && hit(r.bassRhythm(), next) == '.') next++;
            int degree = chordDegree(k);
            double midiOffset = 0;
            switch (line) {
                case ROOT -> { }
                case ROOT_FIFTH -> degree += (hitIndex % 2) * 4;
                case OCTAVES -> midiOffset = (hitIndex % 2) * 12;
                case WALKING -> {
                    walk = k % 16 == 0 ? 0 : Math.floorMod(walk + (rnd.nextBoolean() ? 1 : 2), 6);
                    degree += walk;
                }
            }
            hitIndex++;
            int len = (int) ((next - k) * stepSamples * 0.9);
            double hz = Oscillators.midiToHz(r.rootMidi() + midiOffset + r.mode().semitones(degree));
            Oscillators.addNote(bus, onset(k), len, hz, velocity(h) + 0.3f, r.timbre().bassWave(), rate, 0.005, 0.25, 0.6f);
        }
        return bus;
    }

    private float[] lead(int steps) {
        float[] bus = new float[length];
        int degree = rnd.nextInt(7);
        for (int k = 0; k < steps; ) {
            if (rnd.nextDouble() >= r.leadDensity()) {
                k++;
                continue;
            }
            int duration = 1 + rnd.nextInt(r.leadDensity() > 0.4 ? 2 : 4);
            degree = Math.max(-3, Math.min(10, degree + rnd.nextInt(5) - 2));
            Oscillators.addNote(bus, onset(k), (int) (duration * stepSamples), pitch(degree, 3), 0.8f,
                    r.timbre().leadWave(), rate, 0.01, 0.5, 0.6f);
            k += duration;
        }
        return bus;
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (float v : x) sum += v * v;
        return Math.max(1e-6, Math.sqrt(sum / Math.max(1, x.length)));
    }

    private static void addScaled(float[] into, float[] x, float gain) {
        for (int i = 0; i < into.length; i++) into[i] += gain * x[i];
    }

    /** One-pole low-pass (6 dB/octave). */
    private void lowPass(float[] x, double cutoffHz) {
        float a = (float) (1 - StrictMath.exp(-2 * StrictMath.PI * Math.min(cutoffHz, 0.45 * rate) / rate));
        float y = 0;
        for (int i = 0; i < x.length; i++) x[i] = y += a * (x[i] - y);
    }

    /** Soft clipping with a rational tanh approximation, normalised so full scale stays full scale. */
    private static void distort(float[] x, double drive) {
        double peak = 1e-9;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        float g = (float) (drive / peak);
        for (int i = 0; i < x.length; i++) {
            float v = Math.max(-3f, Math.min(3f, g * x[i]));
            x[i] = v * (27 + v * v) / (27 + 9 * v * v);
        }
    }
}
