package org.genrebench.experiment;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Track;
import org.genrebench.dataset.TrackIds;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extract --embedding}: a pre-trained model's patch embeddings of every track, as an embedding table
 * ({@code filename,label,patch,MODEL:LAYER:NAME...}) that {@code compare --features-csv} reads. Tracks are prepared by
 * {@link AudioPreparation} (decoding, checks, parallelism and the content-keyed cache the other views use).
 */
public final class EmbeddingExtraction {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private EmbeddingExtraction() {
    }

    /** What was written: rows, and the tracks that gave none. */
    public record Result(int rows, int tracks, List<Skipped> skipped) {
    }

    /**
     * @param columns the value columns' names after {@code MODEL:LAYER:} (tag names for a taggram, else indices)
     */
    public static Result write(AudioDataset dataset, EmbeddingPatches view, List<String> columns, Path cacheDir, int threads,
                               Path out, AudioPreparation.Listener listener) throws IOException {
        InputSettings settings = InputSettings.defaults().needing(false, false, List.of(view));
        PreparedDataset prepared = new AudioPreparation(new ArrayCache(cacheDir), settings, threads)
                .prepare("extract", "", dataset.tracks(), listener);
        Map<String, Track> trackOf = new HashMap<>();
        for (Track t : dataset.tracks()) trackOf.put(t.songId(), t);
        List<Sample<double[]>> rows = prepared.embeddings(view.key());
        AtomicFiles.writeText(out, w -> {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            List<String> header = new ArrayList<>(List.of("filename", "label", "patch"));
            for (String c : columns) header.add(view.key() + ":" + c);
            csv.printRecord(header);
            Map<String, Integer> patch = new HashMap<>();
            for (Sample<double[]> s : rows) {
                Track t = trackOf.get(s.songId());
                List<Object> record = new ArrayList<>(List.of(TrackIds.rowName(t), t.label(), patch.merge(s.songId(), 1, Integer::sum) - 1));
                for (double v : s.input()) record.add((float) v);
                csv.printRecord(record);
            }
            csv.flush();
        });
        return new Result(rows.size(), prepared.songIds().size(), prepared.skipped());
    }
}
