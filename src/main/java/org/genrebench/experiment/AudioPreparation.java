package org.genrebench.experiment;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.dataset.Track;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.feature.ChunkSpans;
import org.genrebench.feature.FeatureExtractor;
import org.genrebench.feature.FeatureSchema;
import org.genrebench.feature.LogMel;
import org.genrebench.feature.MinimumClip;
import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns audio tracks into the two views the models need: 58-feature rows per chunk (classical) and log-mel
 * windows (deep). Tracks are processed in parallel; results are cached on disk by file content and parameters,
 * so a second run skips extraction. Unreadable files, and clips shorter than {@link MinimumClip} allows, are skipped
 * and listed, never fatal.
 */
public final class AudioPreparation {

    /**
     * @param featureChunkSamples samples per feature row; {@code 0} for one row per whole track
     * @param windowSamples       samples per mel window (3 s = 66 150)
     * @param windowOverlap       overlap of consecutive windows in [0, 1)
     * @param features            whether to compute the feature view
     * @param windows             whether to compute the mel-window view
     */
    public record Settings(int featureChunkSamples, int windowSamples, double windowOverlap,
                           boolean features, boolean windows) {
        /** Community 3-second feature chunks and 3 s mel windows with 50 % overlap. */
        public static Settings defaults() {
            return new Settings(66149, new LogMel().windowSamples(LogMel.DEFAULT_WINDOW_SECONDS),
                    LogMel.DEFAULT_OVERLAP, true, true);
        }

        String featureKey() {
            return "features58/v1/sr=" + AudioLoader.DEFAULT_SAMPLE_RATE + "/chunk=" + featureChunkSamples;
        }

        String windowKey() {
            return "logmel128/v1/sr=" + AudioLoader.DEFAULT_SAMPLE_RATE + "/window=" + windowSamples
                    + "/overlap=" + windowOverlap;
        }
    }

    /** Progress callbacks, one per finished track (from worker threads). */
    public interface Listener {
        void trackDone(Track track, boolean fromCache);
    }

    private final ArrayCache cache;
    private final Settings settings;
    private final int threads;
    private final ThreadLocal<FeatureExtractor> extractors = FeatureExtractor.perThread();
    private final ThreadLocal<LogMel> logMels = ThreadLocal.withInitial(LogMel::new);

    public AudioPreparation(ArrayCache cache, Settings settings, int threads) {
        this.cache = cache;
        this.settings = settings;
        this.threads = Math.max(1, threads);
    }

    public Settings settings() {
        return settings;
    }

    /** What one track contributes: feature rows and mel windows, or the reason it was skipped. */
    private record TrackViews(Track track, double[][] rows, float[][] windows, String skipReason, boolean cached,
                              String damage) {
        TrackViews(Track track, String skipReason) {
            this(track, null, null, skipReason, false, null);
        }
    }

    public PreparedDataset prepare(String name, String description, List<Track> tracks, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "prepare");
            t.setDaemon(true);
            return t;
        });
        List<TrackViews> views = new ArrayList<>(tracks.size());
        try {
            List<Future<TrackViews>> futures = new ArrayList<>();
            for (Track track : tracks) {
                futures.add(pool.submit(() -> {
                    TrackViews v = views(track);
                    listener.trackDone(track, v.cached());
                    return v;
                }));
            }
            for (Future<TrackViews> f : futures) views.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing " + name, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return assemble(name, description, views);
    }

    /** Model inputs of one clip without the cache: feature rows (without {@code length}), one per chunk. */
    public double[][] featureRows(float[] y) {
        return unflattenRows(featureRows(extractors.get(), y));
    }

    /** Model inputs of one clip without the cache: flattened mel windows. */
    public float[][] melWindows(float[] y) {
        LogMel logMel = logMels.get();
        return unflattenWindows(melWindows(logMel, y), logMel);
    }

    private TrackViews views(Track track) {
        FeatureExtractor extractor = extractors.get();
        LogMel logMel = logMels.get();
        Path file = track.source();
        try {
            String featureKey = settings.features() ? ArrayCache.key(file, settings.featureKey()) : null;
            String windowKey = settings.windows() ? ArrayCache.key(file, settings.windowKey()) : null;
            Optional<float[]> cachedRows = featureKey == null ? Optional.empty() : cache.get(featureKey);
            Optional<float[]> cachedWindows = windowKey == null ? Optional.empty() : cache.get(windowKey);
            boolean needAudio = (featureKey != null && cachedRows.isEmpty()) || (windowKey != null && cachedWindows.isEmpty());
            AudioClip clip = needAudio ? AudioLoader.load(file) : null;
            float[] y = clip == null ? null : clip.samples();
            if (y != null && y.length == 0) throw new UserException("cannot read audio file " + file + ": no samples");
            // Both views ask for the same length, so that a song is in both or in neither (and never padded).
            if (y != null) MinimumClip.require(y.length, clip.sampleRate(), settings.featureChunkSamples(), settings.windowSamples());
            // A truncated file is used but never cached, so that every run names it again.
            String damage = clip == null ? null : clip.truncation()
                    .map(t -> t + String.format(Locale.ROOT, "; used the %.2f s present", clip.seconds())).orElse(null);

            float[] rows = null, windows = null;
            if (featureKey != null) {
                rows = cachedRows.orElseGet(() -> requireFinite(featureRows(extractor, y), "feature"));
                if (cachedRows.isEmpty() && damage == null) cache.put(featureKey, rows);
            }
            if (windowKey != null) {
                windows = cachedWindows.orElseGet(() -> requireFinite(melWindows(logMel, y), "log-mel"));
                if (cachedWindows.isEmpty() && damage == null) cache.put(windowKey, windows);
            }
            return new TrackViews(track, unflattenRows(rows), unflattenWindows(windows, logMel), null, !needAudio, damage);
        } catch (UserException e) {
            return new TrackViews(track, e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            return new TrackViews(track, "cannot read " + file + ": " + (e.getCause() instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e.getCause().getMessage()));
        } catch (RuntimeException e) {
            // A bug in extraction must not sink the whole run, but it must be visible.
            return new TrackViews(track, "cannot process " + file + ": " + e);
        }
    }

    /**
     * Feature rows as float32, flattened. Rounding through float32 also when not cached keeps a first run and a
     * cached rerun bit-identical. Rows are cut by {@link ChunkSpans}, as in {@code extract}.
     */
    private float[] featureRows(FeatureExtractor extractor, float[] y) {
        ChunkSpans spans = ChunkSpans.of(y.length, settings.featureChunkSamples());
        float[] out = new float[spans.count() * FeatureSchema.SIZE];
        double[] row = new double[FeatureSchema.SIZE];
        for (int k = 0; k < spans.count(); k++) {
            extractor.extract(y, spans.start(k), spans.length(), row);
            for (int i = 0; i < row.length; i++) out[k * row.length + i] = (float) row[i];
        }
        return out;
    }

    /** {@code values}, when every one is finite; NaN or Infinity from odd audio would poison every model. */
    private static float[] requireFinite(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new UserException(what + " value " + i + " is " + values[i] + " (audio outside the range features can describe)");
            }
        }
        return values;
    }

    /** Mel windows, flattened; a clip shorter than one window is zero-padded to one window. */
    private float[] melWindows(LogMel logMel, float[] y) {
        float[] signal = y.length >= settings.windowSamples() ? y : Arrays.copyOf(y, settings.windowSamples());
        return logMel.windows(signal, settings.windowSamples(), settings.windowOverlap());
    }

    /**
     * Model inputs from cached rows: every feature but {@code length}, which describes the file rather than the
     * music (and is constant for chunks), as the community table is used in the literature.
     */
    private static double[][] unflattenRows(float[] flat) {
        if (flat == null) return null;
        int n = flat.length / FeatureSchema.SIZE;
        double[][] rows = new double[n][FeatureSchema.SIZE - 1];
        for (int k = 0; k < n; k++)
            for (int i = 0, j = 0; i < FeatureSchema.SIZE; i++)
                if (i != LENGTH_COLUMN) rows[k][j++] = flat[k * FeatureSchema.SIZE + i];
        return rows;
    }

    private static final int LENGTH_COLUMN = FeatureSchema.indexOf("length");

    private float[][] unflattenWindows(float[] flat, LogMel logMel) {
        if (flat == null) return null;
        int per = logMel.mels() * logMel.frames(settings.windowSamples());
        float[][] windows = new float[flat.length / per][];
        for (int w = 0; w < windows.length; w++) windows[w] = Arrays.copyOfRange(flat, w * per, (w + 1) * per);
        return windows;
    }

    private static PreparedDataset assemble(String name, String description, List<TrackViews> views) {
        List<String> classNames = List.copyOf(new TreeSet<>(views.stream()
                .filter(v -> v.skipReason() == null).map(v -> v.track().label()).toList()));
        List<String> songIds = new ArrayList<>(), groups = new ArrayList<>();
        List<Integer> songLabels = new ArrayList<>();
        List<Sample<double[]>> features = new ArrayList<>();
        List<Sample<float[]>> windows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (TrackViews v : views) {
            Track t = v.track();
            if (v.skipReason() != null) {
                skipped.add(new Skipped(t.source(), v.skipReason()));
                continue;
            }
            if (v.damage() != null) skipped.add(new Skipped(t.source(), v.damage()));
            int label = classNames.indexOf(t.label());
            songIds.add(t.songId());
            groups.add(t.groupId());
            songLabels.add(label);
            if (v.rows() != null) for (double[] row : v.rows()) features.add(new Sample<>(row, t.songId(), t.groupId(), label));
            if (v.windows() != null) for (float[] w : v.windows()) windows.add(new Sample<>(w, t.songId(), t.groupId(), label));
        }
        return new PreparedDataset(name, description, classNames, songIds, groups,
                songLabels.stream().mapToInt(Integer::intValue).toArray(), features, windows, skipped);
    }
}
