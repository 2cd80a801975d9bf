package org.genrebench.dataset;

import org.genrebench.util.Csv;
import org.genrebench.util.UserException;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        List<Csv.Record> records = Csv.readAll(csv, new StringReader(CsvText.read(csv)), Csv.Dialect.STANDARD.withHashComments());
        List<String> names = records.isEmpty() ? List.of() : records.getFirst().cells().stream().map(String::strip).toList();
        Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int c = 0; c < names.size(); c++) header.put(names.get(c), c); // of two same names, the last
        Integer pathCol = header.get("path"), labelCol = header.get("label"), groupCol = header.get("group");
        if (pathCol == null || labelCol == null) {
            throw new UserException("manifest " + csv + ": its header must name the columns path,label[,group]; found "
                    + String.join(",", names));
        }
        List<Track> tracks = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Csv.Record row : records.subList(1, records.size())) {
            String where = "manifest " + csv.getFileName() + " line " + row.line();
            String path = row.cell(pathCol).strip(), label = row.cell(labelCol).strip();
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
            String group = groupCol == null ? "" : row.cell(groupCol).strip();
            tracks.add(new Track(id, id, label, file, group.isEmpty() ? Optional.empty() : Optional.of(group)));
        }
        return new DatasetPart("manifest " + csv.toAbsolutePath().normalize(), tracks, excluded, Map.of());
    }
}
