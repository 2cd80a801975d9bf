package org.genrebench.dataset;

import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The community GTZAN feature table ({@code features_30_sec.csv}, or {@code features_3_sec.csv} whose rows are
 * 3-second chunks {@code blues.00000.3.wav} that map back to their song): {@code filename}, numeric features,
 * {@code label}. Any malformed line fails with one message naming the file and line.
 */
public record FeatureTable(Path source, List<String> featureNames, List<Row> rows) {

    /** One table row: item id (the file name without extension), its song, its genre and feature values. */
    public record Row(String id, String songId, String label, double[] features) {
    }

    /** Reads the table; column {@code length} (constant clip length, no information) is dropped if present. */
    public static FeatureTable read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException("feature table not found: " + file);
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null) throw new UserException(file + ":1: empty file, expected a header line");
            List<String> cols = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
            int fileCol = cols.indexOf("filename");
            int labelCol = cols.indexOf("label");
            if (fileCol < 0 || labelCol < 0) {
                throw new UserException(file + ":1: header needs 'filename' and 'label' columns");
            }
            List<Integer> featureCols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                if (c == fileCol || c == labelCol || cols.get(c).equals("length")) continue;
                featureCols.add(c);
                names.add(cols.get(c));
            }
            List<Row> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                rows.add(parseRow(file, lineNo, line, cols, fileCol, labelCol, featureCols));
            }
            if (rows.isEmpty()) throw new UserException(file + ": no data rows");
            return new FeatureTable(file, List.copyOf(names), List.copyOf(rows));
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Row parseRow(Path file, int lineNo, String line, List<String> cols, int fileCol, int labelCol,
                                List<Integer> featureCols) {
        String[] cells = line.split(",", -1);
        if (cells.length != cols.size()) {
            throw new UserException(file + ":" + lineNo + ": expected " + cols.size() + " columns, found " + cells.length);
        }
        String id = TrackIds.itemId(cells[fileCol]);
        String label = cells[labelCol].strip();
        if (id.isEmpty() || label.isEmpty()) throw new UserException(file + ":" + lineNo + ": empty filename or label");
        double[] x = new double[featureCols.size()];
        for (int j = 0; j < x.length; j++) {
            int c = featureCols.get(j);
            try {
                x[j] = Double.parseDouble(cells[c].strip());
            } catch (NumberFormatException e) {
                throw new UserException(file + ":" + lineNo + ": column '" + cols.get(c) + "' is not a number: '" + cells[c] + "'");
            }
            if (!Double.isFinite(x[j])) {
                throw new UserException(file + ":" + lineNo + ": column '" + cols.get(c) + "' is not finite: '" + cells[c] + "'");
            }
        }
        return new Row(id, TrackIds.songId(id), label, x);
    }

    /** Genre names in sorted order; a sample's label is its index here. */
    public List<String> classNames() {
        return List.copyOf(new TreeSet<>(rows.stream().map(Row::label).toList()));
    }

    /** One sample per row; the group is the song, so all chunks of a song stay on one side of every split. */
    public List<Sample<double[]>> samples() {
        List<String> classes = classNames();
        return rows.stream().map(r -> new Sample<>(r.features(), r.songId(), classes.indexOf(r.label()))).toList();
    }

    /** Whether rows are sub-song chunks (the 3-second table) rather than whole songs. */
    public boolean chunked() {
        return rows.stream().map(Row::songId).distinct().count() < rows.size();
    }
}
