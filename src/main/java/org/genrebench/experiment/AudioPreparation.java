package org.genrebench.experiment;

import org.genrebench.dataset.MelWindowStore;
import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Track;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.feature.MinimumClip;
import org.genrebench.pipeline.AudioInputs;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.pipeline.InputView;
import org.genrebench.util.Parallel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Turns audio tracks into the views the models need: 58-feature rows per chunk (classical), log-mel windows
 * (networks) and pre-trained embedding patches, each track through {@link AudioInputs} (decoding, checks, cutting and
 * the content-keyed cache, so a second run skips extraction), tracks in parallel. Unreadable files, and clips shorter
 * than {@link MinimumClip} allows, are skipped and listed, never fatal.
 */
public final class AudioPreparation {

    /** Progress callbacks, one per finished track (from worker threads). */
    public interface Listener {
        void trackDone(Track track, boolean fromCache);
    }

    private final AudioInputs inputs;
    private final InputSettings settings;
    private final Path cacheDir;
    private final List<InputView<?>> neededViews = new ArrayList<>();
    private final int threads;

    public AudioPreparation(ArrayCache cache, InputSettings settings, int threads) {
        this.inputs = new AudioInputs(cache);
        this.cacheDir = cache.dir();
        this.settings = settings;
        if (settings.features()) neededViews.add(settings.featureRows());
        if (settings.windows()) neededViews.add(settings.melWindows());
        neededViews.addAll(settings.embeddings());
        this.threads = Math.max(1, threads);
    }

    public InputSettings settings() {
        return settings;
    }

    /** What one track contributes: feature rows, mel windows and embedding patches, or the reason it was skipped. */
    private record TrackViews(Track track, List<double[]> rows, List<float[]> windows, Map<String, List<double[]>> embeddings,
                              String skipReason, boolean cached, String damage) {
        TrackViews(Track track, String skipReason) {
            this(track, null, null, Map.of(), skipReason, false, null);
        }
    }

    public PreparedDataset prepare(String name, String description, List<Track> tracks, Listener listener) {
        List<TrackViews> prepared = new ArrayList<>(tracks.size());
        MelWindowStore windows = new MelWindowStore(MelWindowStore.defaultBudget(), cacheDir);
        // Each track's windows go to the store as soon as it is collected: finished tracks never pile up in the heap.
        Parallel.forEachOrdered(tracks, threads, "prepare", track -> {
            TrackViews v = views(track);
            listener.trackDone(track, v.cached());
            return v;
        }, v -> {
            if (v.windows() != null) {
                Track t = v.track();
                windows.add(v.windows().toArray(float[][]::new), t.songId(), t.groupId(), t.label());
                v = new TrackViews(t, v.rows(), null, v.embeddings(), null, v.cached(), v.damage());
            }
            prepared.add(v);
        });
        return assemble(name, description, prepared, windows);
    }

    private TrackViews views(Track track) {
        Path file = track.source();
        try {
            AudioInputs.TrackInputs in = inputs.track(file, neededViews, settings.featureChunkSamples(), settings.windowSamples());
            Map<String, List<double[]>> embeddings = new LinkedHashMap<>();
            for (EmbeddingPatches e : settings.embeddings()) embeddings.put(e.key(), in.of(e));
            return new TrackViews(track, settings.features() ? in.of(settings.featureRows()) : null,
                    settings.windows() ? in.of(settings.melWindows()) : null, embeddings, null, in.cached(), in.damage().orElse(null));
        } catch (RuntimeException e) {
            return new TrackViews(track, AudioInputs.problem(file, e));
        }
    }

    /**
     * {@code extract}'s feature table of {@code files} with {@code threads} workers: one row per track
     * ({@code chunkSamples <= 0}) or per whole chunk named {@code <chunkStem>.<k>.wav}, in the files' order.
     * {@code progress} is called once per finished file.
     */
    public static FeatureTableWriter.Result featureTable(List<FeatureTableWriter.Input> files, int chunkSamples, int threads, IntConsumer progress) {
        record Outcome(List<FeatureTableWriter.Row> rows, String skipReason, String damage) {
        }
        List<FeatureTableWriter.Row> rows = new ArrayList<>();
        List<FeatureTableWriter.Skipped> skipped = new ArrayList<>(), truncated = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Parallel.forEachOrdered(files, threads, "extract", input -> {
            String damage = null; // named even when what is left of the file is then skipped
            try {
                AudioInputs.Clip clip = AudioInputs.decode(input.file());
                damage = clip.damage().orElse(null);
                return new Outcome(FeatureTableWriter.rows(input, AudioInputs.tableRows(clip.samples(), chunkSamples), chunkSamples),
                        null, damage);
            } catch (RuntimeException e) {
                return new Outcome(null, AudioInputs.problem(input.file(), e), damage);
            } finally {
                progress.accept(1);
            }
        }, outcomes::add);
        for (int i = 0; i < files.size(); i++) {
            Outcome o = outcomes.get(i);
            Path file = files.get(i).file();
            if (o.rows() == null) skipped.add(new FeatureTableWriter.Skipped(file, o.skipReason()));
            else rows.addAll(o.rows());
            if (o.damage() != null) truncated.add(new FeatureTableWriter.Skipped(file, o.damage()));
        }
        truncated.sort(Comparator.comparing(FeatureTableWriter.Skipped::file));
        return new FeatureTableWriter.Result(rows, skipped, truncated);
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
