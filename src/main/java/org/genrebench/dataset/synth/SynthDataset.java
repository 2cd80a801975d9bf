package org.genrebench.dataset.synth;

import org.genrebench.audio.WavWriter;
import org.genrebench.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a synthetic genre set in GTZAN layout ({@code <out>/genres/<genre>/<genre>.NNNNN.wav}, 22 050 Hz
 * 16-bit) plus {@code synth.json}. Each track depends only on (seed, genre, index), so tracks are rendered
 * in parallel and adding tracks never changes existing ones.
 */
public final class SynthDataset {
    private SynthDataset() {
    }

    /** The file name a track gets, below {@code out}. */
    public static Path trackPath(Path out, String genre, int index) {
        return out.resolve("genres").resolve(genre).resolve(String.format(Locale.ROOT, "%s.%05d.wav", genre, index));
    }

    /** Writes every track and the manifest; returns the track files in genre/index order. */
    public static List<Path> write(Path out, SynthConfig config) throws IOException {
        List<String> genres = config.genreNames();
        int total = genres.size() * config.perGenre();
        try {
            IntStream.range(0, total).parallel().forEach(i -> {
                String genre = genres.get(i / config.perGenre());
                int index = i % config.perGenre();
                float[] audio = renderTrack(config, genre, index);
                try {
                    WavWriter.writePcm16(trackPath(out, genre, index), audio, config.sampleRate());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        AtomicFiles.write(out.resolve("synth.json"), manifest(config).getBytes(StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>(total);
        for (String genre : genres) for (int i = 0; i < config.perGenre(); i++) files.add(trackPath(out, genre, i));
        return files;
    }

    /**
     * Whether {@code out} already holds exactly this configuration's set: the manifest is written last, so a
     * matching manifest plus every track file means an earlier write finished.
     */
    public static boolean isComplete(Path out, SynthConfig config) {
        Path manifest = out.resolve("synth.json");
        try {
            if (!Files.isRegularFile(manifest) || !Files.readString(manifest).equals(manifest(config))) return false;
        } catch (IOException e) {
            return false;
        }
        for (String genre : config.genreNames()) {
            for (int i = 0; i < config.perGenre(); i++) if (!Files.isRegularFile(trackPath(out, genre, i))) return false;
        }
        return true;
    }

    /** One track's audio, a pure function of the configuration, the genre and the index. */
    public static float[] renderTrack(SynthConfig config, String genre, int index) {
        SplittableRandom rnd = new SplittableRandom(trackSeed(config.seed(), genre, index));
        TrackRecipe recipe = TrackRecipe.draw(genre, config.difficulty(), rnd);
        return TrackSynth.render(recipe, config.sampleRate(), config.samplesPerTrack(), rnd);
    }

    /** SplitMix64-style mixing of the three inputs (String.hashCode is specified, so this is stable). */
    static long trackSeed(long seed, String genre, int index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ genre.hashCode());
        return mix(h ^ index);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String manifest(SynthConfig c) {
        String genres = String.join(", ", c.genreNames().stream().map(g -> "\"" + g + "\"").toList());
        return String.format(Locale.ROOT, """
                {
                  "generator": "genrebench synth",
                  "version": 1,
                  "seed": %d,
                  "difficulty": %s,
                  "genres": [%s],
                  "perGenre": %d,
                  "seconds": %s,
                  "sampleRate": %d,
                  "layout": "genres/<genre>/<genre>.NNNNN.wav"
                }
                """, c.seed(), c.difficulty(), genres, c.perGenre(), c.seconds(), c.sampleRate());
    }
}
