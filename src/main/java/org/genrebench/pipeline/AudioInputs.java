package org.genrebench.pipeline;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.feature.FeatureSchema;
import org.genrebench.feature.MinimumClip;
import org.genrebench.util.UserException;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one path from an audio file to validated model inputs, for every command and engine ({@code extract},
 * {@code compare}, {@code train}, {@code predict}, the Spark tasks): it decodes (any format, mono, 22 050 Hz), rejects
 * a file without samples, a clip too short for its inputs ({@link MinimumClip}) and any non-finite value, notes a
 * truncated file (used as far as it goes, never cached), cuts the clip by the {@link InputView}'s rule and caches the
 * result by file content. A bad file is a {@link UserException}; {@link #problem} words any failure for a skip list.
 */
public final class AudioInputs {
    private final ArrayCache cache;

    /** @param cache where inputs are kept by file content and view */
    public AudioInputs(ArrayCache cache) {
        this.cache = cache;
    }

    /** A decoded clip and what was wrong with its file but still used (a file cut short: {@link AudioClip#usedTruncated}). */
    public record Clip(float[] samples, Optional<String> damage) {
    }

    /** What one track gives: each view's inputs (in the order asked), whether all came from the cache, and its damage. */
    public record TrackInputs(Map<InputView<?>, List<?>> inputs, boolean cached, Optional<String> damage) {
        @SuppressWarnings("unchecked")
        public <X> List<X> of(InputView<X> view) {
            return (List<X>) inputs.get(view);
        }
    }

    /** Decodes {@code file}; one without samples is a user error. */
    public static Clip decode(Path file) {
        AudioClip clip = AudioLoader.load(file);
        if (clip.samples().length == 0) throw new UserException("cannot read audio file " + file + ": no samples");
        return new Clip(clip.samples(), clip.usedTruncated());
    }

    /** {@code extract}'s rows of a clip: all 58 features of every chunk in double precision ({@link FeatureRows#extract}), all finite. */
    public static List<double[]> tableRows(float[] y, int chunkSamples) {
        double[][] rows = new FeatureRows(chunkSamples).extract(y);
        for (double[] row : rows) {
            for (int i = 0; i < row.length; i++) if (!Double.isFinite(row[i])) throw nonFinite("feature '" + FeatureSchema.COLUMNS.get(i) + "'", row[i]);
        }
        return List.of(rows);
    }

    /** One view's inputs of a clip, validated and not cached ({@code predict}, the Spark tasks). */
    public static <X> List<X> inputs(InputView<X> view, float[] y) {
        return view.unflatten(validFlat(view, y));
    }

    /**
     * The inputs of {@code file} through each of {@code views}, from the cache where it holds them; the audio is
     * decoded only when one is missing. Every view asks for the same minimum length, the longest of
     * {@code chunkSamples} and {@code windowSamples} ({@link MinimumClip}), so that a song is in all views or in none,
     * and never padded.
     */
    public TrackInputs track(Path file, List<InputView<?>> views, int chunkSamples, int windowSamples) {
        ArrayCache.Content content = ArrayCache.Content.of(file);
        Map<InputView<?>, String> keys = new LinkedHashMap<>();
        Map<InputView<?>, Optional<float[]>> cached = new LinkedHashMap<>();
        for (InputView<?> view : views) {
            keys.put(view, content.key(view.cacheKey()));
            cached.put(view, cache.get(keys.get(view)));
        }
        boolean needAudio = cached.values().stream().anyMatch(Optional::isEmpty);
        Clip clip = needAudio ? decode(file) : null;
        if (clip != null) MinimumClip.require(clip.samples().length, AudioLoader.DEFAULT_SAMPLE_RATE, chunkSamples, windowSamples);
        Optional<String> damage = clip == null ? Optional.empty() : clip.damage();
        Map<InputView<?>, List<?>> inputs = new LinkedHashMap<>();
        for (InputView<?> view : views) {
            float[] flat = cached.get(view).orElseGet(() -> validFlat(view, clip.samples()));
            // A truncated file is used but never cached, so that every run names it again.
            if (cached.get(view).isEmpty() && damage.isEmpty()) cache.put(keys.get(view), flat);
            inputs.put(view, view.unflatten(flat));
        }
        return new TrackInputs(inputs, !needAudio, damage);
    }

    /** The one-line reason {@code file} gave no inputs, for a list of skipped files. */
    public static String problem(Path file, RuntimeException e) {
        return switch (e) {
            case UserException u -> u.getMessage();
            case UncheckedIOException io -> "cannot read " + file + ": " + (io.getCause() instanceof AccessDeniedException
                    ? "permission denied" : io.getCause().getMessage());
            // a bug in extraction must not sink a whole run, but it must be visible
            default -> "cannot process " + file + ": " + e;
        };
    }

    private static float[] validFlat(InputView<?> view, float[] y) {
        float[] values = view.flat(y);
        for (int i = 0; i < values.length; i++) if (!Float.isFinite(values[i])) throw nonFinite(valueName(view, i), values[i]);
        return values;
    }

    private static String valueName(InputView<?> view, int i) {
        return switch (view) {
            case FeatureRows f -> "feature '" + FeatureSchema.COLUMNS.get(i % FeatureSchema.SIZE) + "'";
            case MelWindows m -> "log-mel value " + i;
            case EmbeddingPatches e -> e.key() + " value " + i;
        };
    }

    /** NaN or Infinity from odd audio would poison every model and table. */
    private static UserException nonFinite(String what, double value) {
        return new UserException(what + " is " + value + " (audio outside the range features can describe)");
    }
}
