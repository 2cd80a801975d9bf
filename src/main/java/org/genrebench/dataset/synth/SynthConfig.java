package org.genrebench.dataset.synth;

import org.genrebench.audio.AudioLoader;
import org.genrebench.util.UserException;

import java.util.List;

/**
 * What {@link SynthDataset} writes.
 *
 * @param genres     how many of the ten GTZAN genre names to use (the first ones, alphabetically)
 * @param perGenre   tracks per genre
 * @param seconds    length of every track
 * @param seed       the whole set is a function of this seed
 * @param difficulty 0 = every genre a clean caricature, 1 = genres borrow heavily from each other
 */
public record SynthConfig(int genres, int perGenre, double seconds, long seed, double difficulty, int sampleRate) {
    public static final double DEFAULT_DIFFICULTY = 0.5;

    public SynthConfig {
        if (genres < 2 || genres > GenreStyles.GENRES.size()) throw new UserException("--genres must be between 2 and " + GenreStyles.GENRES.size() + ", not " + genres);
        if (perGenre < 1 || perGenre > 99_999) throw new UserException("--per-genre must be between 1 and 99999, not " + perGenre);
        if (!(seconds > 0 && seconds <= 600)) throw new UserException("--seconds must be above 0 and at most 600, not " + seconds);
        if (!(difficulty >= 0 && difficulty <= 1)) throw new UserException("--difficulty must be between 0 and 1, not " + difficulty);
        if (sampleRate < 8000) throw new UserException("sample rate must be at least 8000 Hz, not " + sampleRate);
    }

    public SynthConfig(int genres, int perGenre, double seconds, long seed) {
        this(genres, perGenre, seconds, seed, DEFAULT_DIFFICULTY, AudioLoader.DEFAULT_SAMPLE_RATE);
    }

    public List<String> genreNames() {
        return GenreStyles.GENRES.subList(0, genres);
    }

    public int samplesPerTrack() {
        return (int) Math.round(seconds * sampleRate);
    }
}
