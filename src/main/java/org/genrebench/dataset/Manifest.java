package org.genrebench.dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest CSV for any collection: a header naming {@code path,label} and optionally {@code group} (artist or
 * album; folds keep each group on one side), then one row per song. Relative paths are resolved against the
 * manifest's folder. Rows that cannot be used are named and left out; a manifest without those columns is an error.
 * It is UTF-8 text, with or without the byte-order mark spreadsheets write.
 */
final class Manifest {
    private Manifest() {
    }

    static boolean looksLikeManifest(Path source) {
        return Files.isRegularFile(source) && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    static DatasetPart read(Path csv) {
        Path base = csv.toAbsolutePath().getParent();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).setCommentMarker('#').get();
        List<Track> tracks = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        try (Reader in = new StringReader(CsvText.read(csv)); CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> header = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            header.putAll(parser.getHeaderMap());
            Integer pathCol = header.get("path"), labelCol = header.get("label"), groupCol = header.get("group");
            if (pathCol == null || labelCol == null) {
                throw new UserException("manifest " + csv + ": its header must name the columns path,label[,group]; found "
                        + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord row : parser) {
                String where = "manifest " + csv.getFileName() + " line " + parser.getCurrentLineNumber();
                String path = cell(row, pathCol), label = cell(row, labelCol);
                if (path.isEmpty() || label.isEmpty()) {
                    excluded.add(new Excluded(csv, where + ": empty path or label; left out"));
                    continue;
                }
                Path file = base.resolve(path).normalize();
                if (!Files.isRegularFile(file)) {
                    excluded.add(new Excluded(file, "listed in " + where + " but " + (Files.exists(file)
                            ? "not a regular file (a folder, FIFO, socket or device)" : "not found") + "; left out"));
                    continue;
                }
                Excluded why = GenreFolders.classify(file);
                if (why != null) {
                    excluded.add(why);
                    continue;
                }
                String id = TrackIds.songOf(file, Path.of(path).normalize().toString(), label);
                String group = groupCol == null ? "" : cell(row, groupCol);
                tracks.add(new Track(id, id, label, file, group.isEmpty() ? Optional.empty() : Optional.of(group)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + csv, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserException("manifest " + csv + " is not a readable CSV: " + e.getMessage(), e);
        }
        return new DatasetPart("manifest " + csv.toAbsolutePath().normalize(), tracks, excluded, Map.of());
    }

    private static String cell(CSVRecord row, int column) {
        return column < row.size() ? row.get(column).strip() : "";
    }
}
