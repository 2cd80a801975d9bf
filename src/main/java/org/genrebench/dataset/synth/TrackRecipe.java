package org.genrebench.dataset.synth;

import org.genrebench.dataset.synth.GenreStyle.Groove;
import org.genrebench.dataset.synth.GenreStyle.Harmony;
import org.genrebench.dataset.synth.GenreStyle.Mix;
import org.genrebench.dataset.synth.GenreStyle.Mode;
import org.genrebench.dataset.synth.GenreStyle.Timbre;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything about one track that is drawn at random: the concrete tempo, patterns, key and sound.
 * Difficulty works in two ways: each of the four style groups is borrowed from another genre with
 * probability {@code 0.55 * difficulty}, and the spread of every continuous parameter grows.
 */
record TrackRecipe(String genre, Groove groove, Harmony harmony, Timbre timbre, Mix mix,
                   double tempo, double swing, String kick, String snare, String hat,
                   Mode mode, int[] progression, String chordRhythm, String bassRhythm, int rootMidi,
                   double brightness, double drive, double attackMs, double leadDensity,
                   double noise, double peak) {

    static TrackRecipe draw(String genre, double difficulty, SplittableRandom rnd) {
        GenreStyle own = GenreStyles.of(genre);
        double borrow = 0.55 * difficulty;
        double spread = 0.5 + difficulty;
        Groove groove = borrowOrKeep(own, borrow, rnd).groove();
        Harmony harmony = borrowOrKeep(own, borrow, rnd).harmony();
        Timbre timbre = borrowOrKeep(own, borrow, rnd).timbre();
        Mix mix = borrowOrKeep(own, borrow, rnd).mix();

        double tempo = clamp(groove.tempo() + gaussian(rnd) * groove.tempoSpread() * spread, 55, 200);
        double swing = clamp(groove.swing() + gaussian(rnd) * 0.1 * spread, 0, 0.66);
        return new TrackRecipe(genre, groove, harmony, timbre, mix, tempo, swing,
                pickOrNull(groove.kicks(), rnd), pickOrNull(groove.snares(), rnd), pickOrNull(groove.hats(), rnd),
                pick(harmony.modes(), rnd), pick(harmony.progressions(), rnd),
                pick(harmony.chordRhythms(), rnd), pick(harmony.bassRhythms(), rnd), 40 + rnd.nextInt(12),
                timbre.brightness() * logNormal(rnd, 0.35 * spread),
                Math.max(1, timbre.drive() * logNormal(rnd, 0.4 * spread)),
                timbre.attackMs() * logNormal(rnd, 0.3 * spread),
                clamp(mix.leadDensity() * logNormal(rnd, 0.3 * spread), 0, 0.9),
                0.003 + 0.04 * difficulty * rnd.nextDouble(),
                0.5 + 0.45 * rnd.nextDouble());
    }

    private static GenreStyle borrowOrKeep(GenreStyle own, double probability, SplittableRandom rnd) {
        if (rnd.nextDouble() >= probability) return own;
        List<String> others = GenreStyles.GENRES.stream().filter(g -> !g.equals(own.name())).toList();
        return GenreStyles.of(pick(others, rnd));
    }

    /** Approximately standard normal (Irwin–Hall of four uniforms): deterministic and cheap. */
    static double gaussian(SplittableRandom rnd) {
        return (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 2) * Math.sqrt(3);
    }

    private static double logNormal(SplittableRandom rnd, double sigma) {
        return StrictMath.exp(gaussian(rnd) * sigma);
    }

    static <T> T pick(List<T> options, SplittableRandom rnd) {
        return options.get(rnd.nextInt(options.size()));
    }

    private static String pickOrNull(List<String> options, SplittableRandom rnd) {
        return options.isEmpty() ? null : pick(options, rnd);
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
