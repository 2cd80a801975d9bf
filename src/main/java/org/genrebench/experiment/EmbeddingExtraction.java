package org.genrebench.experiment;

import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Track;
import org.genrebench.dataset.TrackIds;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extract --embedding}: a pre-trained model's patch embeddings of every track, as an embedding table
 * ({@code filename,label,patch,MODEL:LAYER:NAME...}) that {@code compare --features-csv} reads. Tracks are prepared by
 * {@link AudioPreparation} (decoding, checks, parallelism and the content-keyed cache the other views use).
 */
public final class EmbeddingExtraction {
    private EmbeddingExtraction() {
    }

    /** What was written: rows, and the tracks that gave none. */
    public record Result(int rows, int tracks, List<Skipped> skipped) {
    }

    /** One track's rows: its row name and label, and its patches' values (in patch order). */
    public record TrackRows(String name, String label, List<double[]> rows) {
    }

    /**
     * Prepares every track's patches in-process and writes the table.
     *
     * @param columns the value columns' names after {@code MODEL:LAYER:} (tag names for a taggram, else indices)
     */
    public static Result write(AudioDataset dataset, EmbeddingPatches view, List<String> columns, Path cacheDir, int threads,
                               Path out, AudioPreparation.Listener listener) throws IOException {
        InputSettings settings = InputSettings.defaults().needing(false, false, List.of(view));
        PreparedDataset prepared = new AudioPreparation(new ArrayCache(cacheDir), settings, threads)
                .prepare("extract", "", dataset.tracks(), listener);
        Map<String, List<double[]>> rowsOf = new LinkedHashMap<>();
        for (Sample<double[]> s : prepared.embeddings(view.key())) rowsOf.computeIfAbsent(s.songId(), k -> new ArrayList<>()).add(s.input());
        List<TrackRows> tracks = new ArrayList<>();
        for (Track t : dataset.tracks()) {
            List<double[]> rows = rowsOf.get(t.songId());
            if (rows != null) tracks.add(new TrackRows(TrackIds.rowName(t), t.label(), rows));
        }
        int rows = writeTable(out, view, columns, tracks);
        return new Result(rows, tracks.size(), prepared.skipped());
    }

    /** Writes the embedding table of {@code tracks} (in their order); returns the number of rows. */
    public static int writeTable(Path out, EmbeddingPatches view, List<String> columns, List<TrackRows> tracks) throws IOException {
        int[] rows = {0};
        AtomicFiles.writeText(out, w -> {
            var csv = Csv.printer(w);
            List<String> header = new ArrayList<>(List.of("filename", "label", "patch"));
            for (String c : columns) header.add(view.key() + ":" + c);
            csv.printRecord(header);
            for (TrackRows t : tracks) {
                for (int p = 0; p < t.rows().size(); p++) {
                    List<Object> record = new ArrayList<>(List.of(t.name(), t.label(), p));
                    for (double v : t.rows().get(p)) record.add((float) v);
                    csv.printRecord(record);
                    rows[0]++;
                }
            }
            csv.flush();
        });
        return rows[0];
    }
}
