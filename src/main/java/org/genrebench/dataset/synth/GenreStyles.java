package org.genrebench.dataset.synth;

import org.genrebench.dataset.synth.GenreStyle.BassLine;
import org.genrebench.dataset.synth.GenreStyle.ChordShape;
import org.genrebench.dataset.synth.GenreStyle.Groove;
import org.genrebench.dataset.synth.GenreStyle.Harmony;
import org.genrebench.dataset.synth.GenreStyle.Mix;
import org.genrebench.dataset.synth.GenreStyle.Mode;
import org.genrebench.dataset.synth.GenreStyle.Timbre;
import org.genrebench.dataset.synth.GenreStyle.Wave;

import java.util.List;

/** The ten GTZAN genres as caricatures: typical tempo, beat, harmony and sound of each. */
final class GenreStyles {
    /** GTZAN's genres, in its (alphabetical) order. */
    static final List<String> GENRES = List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock");

    private static final String BACKBEAT = "....o.......o...";
    private static final String EIGHTHS = "x.x.x.x.x.x.x.x.";
    private static final String SIXTEENTHS = "xxxxxxxxxxxxxxxx";
    private static final String OFFBEATS = "..x...x...x...x.";

    private GenreStyles() {
    }

    static GenreStyle of(String genre) {
        return switch (genre) {
            case "blues" -> new GenreStyle(genre,
                    new Groove(92, 14, 0.55, List.of("x.......x.......", "x.....x.x......."), List.of(BACKBEAT), List.of(EIGHTHS)),
                    new Harmony(List.of(Mode.MIXOLYDIAN), List.of(new int[]{0, 0, 0, 0, 3, 3, 0, 0, 4, 3, 0, 4}), 1, ChordShape.SEVENTH,
                            List.of("x.x.x.x.x.x.x.x.", "o...x...o...x..."), 2, BassLine.WALKING, List.of("x...x...x...x...")),
                    new Timbre(Wave.SAW, Wave.SQUARE, Wave.TRIANGLE, 2200, 1.8, 8),
                    new Mix(0.7, 0.8, 0.55, 0.6, 0.35));
            case "classical" -> new GenreStyle(genre,
                    new Groove(84, 22, 0.0, List.of(), List.of(), List.of()),
                    new Harmony(List.of(Mode.MAJOR, Mode.MINOR, Mode.HARMONIC_MINOR),
                            List.of(new int[]{0, 3, 4, 0}, new int[]{0, 5, 1, 4}, new int[]{0, 4, 5, 2, 3, 0, 3, 4}), 1, ChordShape.TRIAD,
                            List.of("x...............", "x.......x......."), 16, BassLine.ROOT, List.of("x...............", "x.......x.......")),
                    new Timbre(Wave.TRIANGLE, Wave.TRIANGLE, Wave.SINE, 1400, 1.0, 250),
                    new Mix(0.0, 0.5, 0.8, 0.7, 0.5));
            case "country" -> new GenreStyle(genre,
                    new Groove(112, 14, 0.1, List.of("x.......x.......", "x...x...x...x..."), List.of(BACKBEAT, "....x..x....x..."), List.of(EIGHTHS)),
                    new Harmony(List.of(Mode.MAJOR), List.of(new int[]{0, 3, 4, 0}, new int[]{0, 0, 3, 4}), 1, ChordShape.TRIAD,
                            List.of("..x...x...x...x.", "x.x.x.x.x.x.x.x."), 1.5, BassLine.ROOT_FIFTH, List.of("x.......x.......")),
                    new Timbre(Wave.TRIANGLE, Wave.SAW, Wave.TRIANGLE, 3200, 1.0, 4),
                    new Mix(0.6, 0.8, 0.7, 0.55, 0.3));
            case "disco" -> new GenreStyle(genre,
                    new Groove(120, 6, 0.0, List.of("x...x...x...x..."), List.of(BACKBEAT), List.of(OFFBEATS, SIXTEENTHS)),
                    new Harmony(List.of(Mode.MINOR, Mode.DORIAN), List.of(new int[]{0, 3}, new int[]{5, 1, 4, 0}), 1, ChordShape.SEVENTH,
                            List.of("..x...x...x...x.", "x..x..x...x..x.."), 1, BassLine.OCTAVES, List.of(EIGHTHS)),
                    new Timbre(Wave.SQUARE, Wave.SAW, Wave.SAW, 4200, 1.0, 3),
                    new Mix(1.0, 0.9, 0.55, 0.45, 0.25));
            case "hiphop" -> new GenreStyle(genre,
                    new Groove(90, 8, 0.3, List.of("x......x..x.....", "x.....x...x..x.."), List.of(BACKBEAT), List.of(SIXTEENTHS, EIGHTHS)),
                    new Harmony(List.of(Mode.MINOR, Mode.PHRYGIAN), List.of(new int[]{0, 5}, new int[]{0, 0, 5, 4}), 1, ChordShape.SEVENTH,
                            List.of("x...............", "x.......x......."), 8, BassLine.ROOT, List.of("x......x..x.....", "x.........x.....")),
                    new Timbre(Wave.SINE, Wave.TRIANGLE, Wave.SINE, 1800, 1.2, 30),
                    new Mix(1.2, 1.1, 0.4, 0.3, 0.15));
            case "jazz" -> new GenreStyle(genre,
                    new Groove(140, 35, 0.6, List.of("x..........x....", "................"), List.of("......x.......x.", "...x.......x...."), List.of("o...x.x.o...x.x.")),
                    new Harmony(List.of(Mode.MAJOR, Mode.DORIAN), List.of(new int[]{1, 4, 0, 0}, new int[]{1, 4, 0, 5}), 1, ChordShape.SEVENTH,
                            List.of("...x......x.....", "x.....x.....x..."), 2, BassLine.WALKING, List.of("x...x...x...x...")),
                    new Timbre(Wave.SINE, Wave.TRIANGLE, Wave.SINE, 2600, 1.0, 6),
                    new Mix(0.45, 0.8, 0.6, 0.7, 0.55));
            case "metal" -> new GenreStyle(genre,
                    new Groove(165, 25, 0.0, List.of(SIXTEENTHS, EIGHTHS), List.of(BACKBEAT, "....o.......o..o"), List.of(EIGHTHS, "o.o.o.o.o.o.o.o.")),
                    new Harmony(List.of(Mode.MINOR, Mode.PHRYGIAN), List.of(new int[]{0, 5, 6, 0}, new int[]{0, 1, 0, 6}), 1, ChordShape.POWER,
                            List.of(SIXTEENTHS, EIGHTHS), 0.9, BassLine.ROOT, List.of(EIGHTHS, SIXTEENTHS)),
                    new Timbre(Wave.SAW, Wave.SAW, Wave.SAW, 5500, 9.0, 2),
                    new Mix(1.0, 0.8, 1.0, 0.45, 0.3));
            case "pop" -> new GenreStyle(genre,
                    new Groove(112, 10, 0.0, List.of("x.......x.......", "x..x....x......."), List.of(BACKBEAT), List.of(EIGHTHS)),
                    new Harmony(List.of(Mode.MAJOR), List.of(new int[]{0, 4, 5, 3}, new int[]{5, 3, 0, 4}), 1, ChordShape.TRIAD,
                            List.of("x..x..x.x..x..x.", EIGHTHS), 2, BassLine.ROOT, List.of(EIGHTHS, "x..x..x.x..x..x.")),
                    new Timbre(Wave.SQUARE, Wave.TRIANGLE, Wave.SINE, 3500, 1.1, 5),
                    new Mix(0.85, 0.8, 0.65, 0.75, 0.4));
            case "reggae" -> new GenreStyle(genre,
                    new Groove(76, 6, 0.2, List.of("........x.......", "x.......x......."), List.of("........o......."), List.of(OFFBEATS, EIGHTHS)),
                    new Harmony(List.of(Mode.MAJOR, Mode.MINOR), List.of(new int[]{0, 3}, new int[]{0, 4, 3, 0}), 2, ChordShape.TRIAD,
                            List.of("....x.......x...", OFFBEATS), 1, BassLine.ROOT_FIFTH, List.of("x.....x.x.......", "x...x.....x.x...")),
                    new Timbre(Wave.SQUARE, Wave.TRIANGLE, Wave.SINE, 2400, 1.0, 2),
                    new Mix(0.75, 1.2, 0.6, 0.4, 0.2));
            case "rock" -> new GenreStyle(genre,
                    new Groove(125, 18, 0.0, List.of("x.......x.x.....", "x.x.....x......."), List.of(BACKBEAT), List.of(EIGHTHS, "o.o.o.o.o.o.o.o.")),
                    new Harmony(List.of(Mode.MAJOR, Mode.MIXOLYDIAN), List.of(new int[]{0, 3, 4, 3}, new int[]{0, 6, 3, 0}), 1, ChordShape.POWER,
                            List.of(EIGHTHS, "x..x..x.x..x..x."), 2, BassLine.ROOT, List.of(EIGHTHS)),
                    new Timbre(Wave.SAW, Wave.SAW, Wave.TRIANGLE, 4200, 3.5, 3),
                    new Mix(0.95, 0.85, 0.85, 0.55, 0.3));
            default -> throw new IllegalArgumentException("no synthetic style for genre '" + genre + "'");
        };
    }
}
