package org.genrebench.feature;

import org.genrebench.util.Csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The community GTZAN feature table: its rows (one per track, or per chunk when a chunk length is given), named as
 * the community tables name them, and its CSV form. The rows' features come from {@code pipeline.AudioInputs}.
 */
public final class FeatureTableWriter {
    /** One CSV row: file (or chunk) name, the 58 features, label. */
    public record Row(String filename, double[] features, String label) {
    }

    /**
     * One audio file, the names of its rows and its genre label.
     *
     * @param name      the {@code filename} of its whole-track row, unique in the table
     * @param chunkStem what the name of chunk k's row starts with, before {@code .k.wav}
     */
    public record Input(Path file, String name, String chunkStem, String label) {
    }

    /** A file that was skipped, and why. */
    public record Skipped(Path file, String reason) {
    }

    /**
     * An extracted table.
     *
     * @param truncated files cut short whose remaining audio was used (their rows are in {@code rows})
     */
    public record Result(List<Row> rows, List<Skipped> skipped, List<Skipped> truncated) {
    }

    private FeatureTableWriter() {
    }

    /**
     * The table rows of {@code input} for its {@code features} (all 58 of each chunk, in order): named {@link Input#name}, or
     * {@code <chunkStem>.<k>.wav} per chunk when {@code chunkSamples > 0}, with the input's label.
     */
    public static List<Row> rows(Input input, List<double[]> features, int chunkSamples) {
        if (chunkSamples <= 0) return List.of(new Row(input.name(), features.getFirst(), input.label()));
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < features.size(); k++) out.add(new Row(input.chunkStem() + "." + k + ".wav", features.get(k), input.label()));
        return out;
    }

    /** Writes rows in the community schema: {@code filename,length,…,mfcc20_var,label}. */
    public static void write(List<Row> rows, Writer out) throws IOException {
        var csv = Csv.printer(out);
        csv.printRecord(FeatureSchema.tableColumns());
        List<Object> cells = new ArrayList<>(FeatureSchema.SIZE + 2);
        for (Row r : rows) {
            cells.clear();
            cells.add(r.filename());
            double[] f = r.features();
            cells.add((long) f[0]); // length, a sample count
            for (int i = 1; i < f.length; i++) cells.add(f[i]);
            cells.add(r.label());
            csv.printRecord(cells);
        }
        csv.flush();
    }
}
