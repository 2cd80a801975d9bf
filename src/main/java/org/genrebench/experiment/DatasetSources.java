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
        List<Sample<double[]>> samples = table.samples();
        Map<String, Sample<double[]>> firstOfSong = new LinkedHashMap<>();
        for (Sample<double[]> s : samples) firstOfSong.putIfAbsent(s.songId(), s);
        List<String> songIds = new ArrayList<>(firstOfSong.keySet());
        List<String> groups = firstOfSong.values().stream().map(Sample::groupId).toList();
        int[] labels = firstOfSong.values().stream().mapToInt(Sample::label).toArray();
        String description = String.format(Locale.ROOT, "feature table %s (%d rows, %d songs, %d features)",
                table.source(), samples.size(), songIds.size(), table.featureNames().size());
        // Rows the table repeats are dropped by FeatureTable.read; they count as skipped inputs of the run.
        List<Skipped> dropped = table.dropped().stream().map(d -> new Skipped(table.source(), d)).toList();
        return new PreparedDataset(name, description, table.classNames(), songIds, groups, labels, samples, List.of(), dropped);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
