package org.genrebench.feature;

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

    /** RFC 4180 quoting for names that hold a comma, quote or line break (any file name may). */
    private static String csvCell(String s) {
        if (s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes rows in the community schema: {@code filename,length,…,mfcc20_var,label}. */
    public static void write(List<Row> rows, Writer out) throws IOException {
        out.write(FeatureSchema.csvHeader());
        out.write('\n');
        StringBuilder sb = new StringBuilder(1024);
        for (Row r : rows) {
            sb.setLength(0);
            sb.append(csvCell(r.filename()));
            double[] f = r.features();
            for (int i = 0; i < f.length; i++) {
                sb.append(',');
                if (i == 0) sb.append((long) f[i]);
                else sb.append(f[i]);
            }
            sb.append(',').append(csvCell(r.label())).append('\n');
            out.write(sb.toString());
        }
    }
}
