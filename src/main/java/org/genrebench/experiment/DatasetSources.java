package org.genrebench.experiment;

import org.genrebench.dataset.FeatureTable;
import org.genrebench.dataset.synth.SynthConfig;
import org.genrebench.dataset.synth.SynthDataset;
import org.genrebench.dataset.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.genrebench.util.UserException;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where {@code compare} gets its data: the embedded synthetic set, a GTZAN folder, or a feature table. */
public final class DatasetSources {
    /** Folders under {@code data/} that are taken for a GTZAN copy, in this order. */
    public static final List<String> GTZAN_FOLDERS = List.of("gtzan", "genres", "genres_original");

    private DatasetSources() {
    }

    /** The first of {@code data/gtzan}, {@code data/genres}, {@code data/genres_original} that exists. */
    public static Optional<Path> detectGtzan(Path dataDir) {
        return GTZAN_FOLDERS.stream().map(dataDir::resolve).filter(Files::isDirectory).findFirst();
    }

    /**
     * The synthetic set for {@code config}, generated under {@code root} on first use and reused afterwards
     * (the folder name encodes the configuration, so different sizes never mix).
     *
     * @return the folder holding the set in GTZAN layout
     */
    public static Path synthetic(Path root, SynthConfig config) throws IOException {
        Path dir = root.resolve(String.format(Locale.ROOT, "synthetic-g%d-n%d-s%s-seed%d-d%s", config.genres(),
                config.perGenre(), trim(config.seconds()), config.seed(), trim(config.difficulty())));
        if (!SynthDataset.isComplete(dir, config)) SynthDataset.write(dir, config);
        return dir;
    }

    /** A community feature table as a prepared dataset (feature view only). */
    public static PreparedDataset featureTable(String name, FeatureTable table) {
        return featureTables(name, List.of(table));
    }

    /**
     * Feature and embedding tables of the same songs as one prepared dataset: the community table's rows are the
     * feature view, each embedding table's rows the view of its {@code MODEL:LAYER}. Only songs in every table are
     * used, so that every model is scored on the same songs; the others are named as skipped. A song must have one
     * genre in all tables.
     */
    public static PreparedDataset featureTables(String name, List<FeatureTable> tables) {
        Map<String, String> labelOf = new LinkedHashMap<>();
        Map<String, Path> labelFrom = new HashMap<>();
        Map<String, Integer> tablesOf = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (FeatureTable t : tables) {
            String key = t.isEmbedding() ? t.embedding() : "features";
            if (keys.contains(key)) throw new UserException(t.source() + " holds " + key + " rows, as an earlier table does; give each once");
            keys.add(key);
            for (String song : t.rows().stream().map(FeatureTable.Row::songId).distinct().toList()) tablesOf.merge(song, 1, Integer::sum);
            for (FeatureTable.Row r : t.rows()) {
                String before = labelOf.putIfAbsent(r.songId(), r.label());
                if (before == null) labelFrom.put(r.songId(), t.source());
                else if (!before.equals(r.label())) {
                    throw new UserException(t.source() + ": song " + r.songId() + " is '" + r.label() + "' here but '" + before
                            + "' in " + labelFrom.get(r.songId()) + "; one song cannot have two genres");
                }
            }
        }
        List<String> songIds = labelOf.keySet().stream().filter(s -> tablesOf.get(s) == tables.size()).toList();
        List<String> classNames = List.copyOf(new TreeSet<>(songIds.stream().map(labelOf::get).toList()));
        java.util.Set<String> kept = new java.util.HashSet<>(songIds);
        List<Sample<double[]>> features = List.of();
        Map<String, List<Sample<double[]>>> embeddings = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (FeatureTable t : tables) {
            List<Sample<double[]>> rows = t.rows().stream().filter(r -> kept.contains(r.songId()))
                    .map(r -> new Sample<>(r.features(), r.songId(), classNames.indexOf(r.label()))).toList();
            if (t.isEmbedding()) embeddings.put(t.embedding(), rows);
            else features = rows;
            // Rows the table repeats are dropped by FeatureTable.read; they count as skipped inputs of the run.
            t.dropped().forEach(d -> skipped.add(new Skipped(t.source(), d)));
            t.rows().stream().map(FeatureTable.Row::songId).distinct().filter(s -> !kept.contains(s))
                    .forEach(s -> skipped.add(new Skipped(t.source(), "song " + s + " is not in every table given; left out")));
        }
        String description = tables.stream().map(t -> String.format(Locale.ROOT, "%s %s (%d rows, %d values each)",
                t.isEmbedding() ? "embedding table" : "feature table", t.source(), t.rows().size(), t.featureNames().size()))
                .collect(java.util.stream.Collectors.joining("; ")) + String.format(Locale.ROOT, "; %d songs in all of them", songIds.size());
        int[] labels = songIds.stream().mapToInt(s -> classNames.indexOf(labelOf.get(s))).toArray();
        return new PreparedDataset(name, description, classNames, songIds, songIds, labels, features, List.of(), skipped, embeddings);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
