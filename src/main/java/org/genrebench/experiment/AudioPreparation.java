package org.genrebench.experiment;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.pipeline.FeatureRows;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.pipeline.MelWindows;
import org.genrebench.dataset.MelWindowStore;
import org.genrebench.dataset.Track;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.feature.FeatureExtractor;
import org.genrebench.feature.LogMel;
import org.genrebench.feature.MinimumClip;
import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns audio tracks into the views the models need: 58-feature rows per chunk (classical), log-mel windows
 * (networks) and pre-trained embedding patches. Tracks are processed in parallel; results are cached on disk by file content and parameters,
 * so a second run skips extraction. Unreadable files, and clips shorter than {@link MinimumClip} allows, are skipped
 * and listed, never fatal.
 */
public final class AudioPreparation {

    /** Progress callbacks, one per finished track (from worker threads). */
    public interface Listener {
        void trackDone(Track track, boolean fromCache);
    }

    private final ArrayCache cache;
    private final InputSettings settings;
    private final FeatureRows featureView;
    private final MelWindows windowView;
    private final int threads;
    private final ThreadLocal<FeatureExtractor> extractors = FeatureExtractor.perThread();
    private final ThreadLocal<LogMel> logMels = ThreadLocal.withInitial(LogMel::new);

    public AudioPreparation(ArrayCache cache, InputSettings settings, int threads) {
        this.cache = cache;
        this.settings = settings;
        this.featureView = settings.featureRows();
        this.windowView = settings.melWindows();
        this.threads = Math.max(1, threads);
    }

    public InputSettings settings() {
        return settings;
    }

    /** What one track contributes: feature rows and mel windows, or the reason it was skipped. */
    private record TrackViews(Track track, double[][] rows, float[][] windows, Map<String, double[][]> embeddings,
                              String skipReason, boolean cached, String damage) {
        TrackViews(Track track, String skipReason) {
            this(track, null, null, Map.of(), skipReason, false, null);
        }
    }

    public PreparedDataset prepare(String name, String description, List<Track> tracks, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "prepare");
            t.setDaemon(true);
            return t;
        });
        List<TrackViews> views = new ArrayList<>(tracks.size());
        MelWindowStore windows = new MelWindowStore(MelWindowStore.defaultBudget(), cache.dir());
        try {
            // Tracks are collected in order, at most a few ahead of the one collected, and each one's windows go to
            // the store at once: finished tracks never pile up in the heap.
            int ahead = 4 * threads;
            ArrayDeque<Future<TrackViews>> inFlight = new ArrayDeque<>();
            Iterator<Track> next = tracks.iterator();
            while (next.hasNext() || !inFlight.isEmpty()) {
                while (next.hasNext() && inFlight.size() < ahead) {
                    Track track = next.next();
                    inFlight.add(pool.submit(() -> {
                        TrackViews v = views(track);
                        listener.trackDone(track, v.cached());
                        return v;
                    }));
                }
                TrackViews v = inFlight.poll().get();
                if (v.windows() != null) {
                    Track t = v.track();
                    windows.add(v.windows(), t.songId(), t.groupId(), t.label());
                    v = new TrackViews(t, v.rows(), null, v.embeddings(), null, v.cached(), v.damage());
                }
                views.add(v);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing " + name, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return assemble(name, description, views, windows);
    }

    private TrackViews views(Track track) {
        FeatureExtractor extractor = extractors.get();
        LogMel logMel = logMels.get();
        Path file = track.source();
        try {
            ArrayCache.Content content = ArrayCache.Content.of(file);
            String featureKey = settings.features() ? content.key(featureView.cacheKey()) : null;
            String windowKey = settings.windows() ? content.key(windowView.cacheKey()) : null;
            Optional<float[]> cachedRows = featureKey == null ? Optional.empty() : cache.get(featureKey);
            Optional<float[]> cachedWindows = windowKey == null ? Optional.empty() : cache.get(windowKey);
            Map<EmbeddingPatches, String> embeddingKeys = new LinkedHashMap<>();
            Map<EmbeddingPatches, Optional<float[]>> cachedEmbeddings = new LinkedHashMap<>();
            for (EmbeddingPatches e : settings.embeddings()) {
                embeddingKeys.put(e, content.key(e.cacheKey()));
                cachedEmbeddings.put(e, cache.get(embeddingKeys.get(e)));
            }
            boolean needAudio = (featureKey != null && cachedRows.isEmpty()) || (windowKey != null && cachedWindows.isEmpty())
                    || cachedEmbeddings.values().stream().anyMatch(Optional::isEmpty);
            AudioClip clip = needAudio ? AudioLoader.load(file) : null;
            float[] y = clip == null ? null : clip.samples();
            if (y != null && y.length == 0) throw new UserException("cannot read audio file " + file + ": no samples");
            // Both views ask for the same length, so that a song is in both or in neither (and never padded).
            if (y != null) MinimumClip.require(y.length, clip.sampleRate(), settings.featureChunkSamples(), settings.windowSamples());
            // A truncated file is used but never cached, so that every run names it again.
            String damage = clip == null ? null : clip.usedTruncated().orElse(null);

            float[] rows = null, windows = null;
            if (featureKey != null) {
                rows = cachedRows.orElseGet(() -> requireFinite(featureView.flat(extractor, y), "feature"));
                if (cachedRows.isEmpty() && damage == null) cache.put(featureKey, rows);
            }
            if (windowKey != null) {
                windows = cachedWindows.orElseGet(() -> requireFinite(windowView.flat(logMel, y), "log-mel"));
                if (cachedWindows.isEmpty() && damage == null) cache.put(windowKey, windows);
            }
            Map<String, double[][]> embeddings = new LinkedHashMap<>();
            for (EmbeddingPatches e : settings.embeddings()) {
                float[] flat = cachedEmbeddings.get(e).orElseGet(() -> requireFinite(e.flat(y), e.key()));
                if (cachedEmbeddings.get(e).isEmpty() && damage == null) cache.put(embeddingKeys.get(e), flat);
                embeddings.put(e.key(), e.unflatten(flat));
            }
            return new TrackViews(track, rows == null ? null : FeatureRows.unflatten(rows),
                    windows == null ? null : windowView.unflatten(windows, logMel), embeddings, null, !needAudio, damage);
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

    /** {@code values}, when every one is finite; NaN or Infinity from odd audio would poison every model. */
    private static float[] requireFinite(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new UserException(what + " value " + i + " is " + values[i] + " (audio outside the range features can describe)");
            }
        }
        return values;
    }

    private static PreparedDataset assemble(String name, String description, List<TrackViews> views, MelWindowStore store) {
        List<String> classNames = List.copyOf(new TreeSet<>(views.stream()
                .filter(v -> v.skipReason() == null).map(v -> v.track().label()).toList()));
        List<String> songIds = new ArrayList<>(), groups = new ArrayList<>();
        List<Integer> songLabels = new ArrayList<>();
        List<Sample<double[]>> features = new ArrayList<>();
        Map<String, List<Sample<double[]>>> embeddings = new LinkedHashMap<>();
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
            v.embeddings().forEach((key, rows) -> {
                List<Sample<double[]>> list = embeddings.computeIfAbsent(key, k -> new ArrayList<>());
                for (double[] row : rows) list.add(new Sample<>(row, t.songId(), t.groupId(), label));
            });
        }
        Map<String, Integer> classIndex = new HashMap<>();
        for (String c : classNames) classIndex.put(c, classIndex.size());
        List<Sample<float[]>> windows = store.samples(classIndex);
        return new PreparedDataset(name, description, classNames, songIds, groups,
                songLabels.stream().mapToInt(Integer::intValue).toArray(), features, windows, skipped, embeddings);
    }
}
