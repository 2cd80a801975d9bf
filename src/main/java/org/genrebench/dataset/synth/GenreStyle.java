package org.genrebench.dataset.synth;

import java.util.List;

/**
 * The distributions one synthetic genre draws its tracks from, in four independent groups. With growing
 * difficulty a track borrows whole groups from another genre, which is what makes genres overlap.
 */
record GenreStyle(String name, Groove groove, Harmony harmony, Timbre timbre, Mix mix) {

    /**
     * Tempo and drums. Patterns are 16 sixteenth-note steps, {@code x} = hit, {@code o} = accented hit;
     * an empty pattern list means no drums.
     *
     * @param swing how far off-beat eighths/sixteenths are delayed, as a fraction of a step (0 = straight)
     */
    record Groove(double tempo, double tempoSpread, double swing, List<String> kicks, List<String> snares, List<String> hats) {
    }

    /** Harmony and accompaniment rhythm; progressions are 0-based scale degrees, one per chord span. */
    record Harmony(List<Mode> modes, List<int[]> progressions, int barsPerChord, ChordShape shape,
                   List<String> chordRhythms, double chordNoteSteps, BassLine bassLine, List<String> bassRhythms) {
    }

    /**
     * Sound colour.
     *
     * @param brightness low-pass cutoff in Hz for chords and lead
     * @param drive      distortion gain (1 = clean)
     * @param attackMs   chord attack: long for pads/strings, short for plucks
     */
    record Timbre(Wave chordWave, Wave leadWave, Wave bassWave, double brightness, double drive, double attackMs) {
    }

    /** Levels of the four parts and how busy the lead is (probability of a new note per step). */
    record Mix(double drums, double bass, double chords, double lead, double leadDensity) {
    }

    enum Wave { SINE, TRIANGLE, SAW, SQUARE }

    enum ChordShape { TRIAD, SEVENTH, POWER }

    enum BassLine { ROOT, ROOT_FIFTH, WALKING, OCTAVES }

    /** Scales as semitone offsets from the root. */
    enum Mode {
        MAJOR(0, 2, 4, 5, 7, 9, 11), MINOR(0, 2, 3, 5, 7, 8, 10), DORIAN(0, 2, 3, 5, 7, 9, 10),
        MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10), HARMONIC_MINOR(0, 2, 3, 5, 7, 8, 11), PHRYGIAN(0, 1, 3, 5, 7, 8, 10);

        private final int[] steps;

        Mode(int... steps) {
            this.steps = steps;
        }

        /** Semitones above the root of scale degree {@code degree} (may exceed one octave, or be negative). */
        int semitones(int degree) {
            int octave = Math.floorDiv(degree, 7);
            return 12 * octave + steps[Math.floorMod(degree, 7)];
        }
    }
}
