package org.genrebench.dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FMA's {@code fma_metadata/tracks.csv} (Defferrard et al., ISMIR 2017): three header rows (the column group, e.g.
 * {@code track}, {@code set}, {@code artist}; the column, e.g. {@code genre_top}, {@code split}, {@code id}; then
 * {@code track_id} alone), then one row per track with its id first. Fields may hold quoted line breaks, so it is
 * read with a real CSV parser, streamed, keeping only the four columns used here for the wanted tracks.
 */
final class FmaTracks {
    /** What a track contributes: its top-level genre (may be empty), official split, subset and artist id. */
    record Entry(String genreTop, String split, String subset, String artistId) {
    }

    private FmaTracks() {
    }

    static Map<Integer, Entry> read(Path csv, Set<Integer> wanted) {
        if (!Files.isRegularFile(csv)) throw new UserException("FMA metadata " + csv + " not found");
        Map<Integer, Entry> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv); CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            Iterator<CSVRecord> rows = parser.iterator();
            CSVRecord groups = next(rows, csv), names = next(rows, csv), idRow = next(rows, csv);
            if (!idRow.get(0).equals("track_id")) {
                throw new UserException(csv + " is not FMA's tracks.csv: its third header row should start with track_id, found '"
                        + idRow.get(0) + "'");
            }
            int genre = column(groups, names, "track", "genre_top", csv), split = column(groups, names, "set", "split", csv);
            int subset = column(groups, names, "set", "subset", csv), artist = column(groups, names, "artist", "id", csv);
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                int id;
                try {
                    id = Integer.parseInt(row.get(0).strip());
                } catch (NumberFormatException e) {
                    throw new UserException(csv + " line " + parser.getCurrentLineNumber() + ": track_id '" + row.get(0) + "' is not a number");
                }
                if (!wanted.contains(id)) continue;
                out.put(id, new Entry(cell(row, genre), cell(row, split), cell(row, subset), cell(row, artist)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserException(csv + " is not a readable CSV: " + e.getMessage(), e);
        }
        return out;
    }

    private static CSVRecord next(Iterator<CSVRecord> rows, Path csv) {
        if (!rows.hasNext()) throw new UserException(csv + " is not FMA's tracks.csv: it ends inside its three header rows");
        return rows.next();
    }

    /** The column whose two header rows read {@code group,name}. */
    private static int column(CSVRecord groups, CSVRecord names, String group, String name, Path csv) {
        for (int i = 0; i < Math.min(groups.size(), names.size()); i++) {
            if (groups.get(i).equals(group) && names.get(i).equals(name)) return i;
        }
        throw new UserException(csv + " is not FMA's tracks.csv: no column " + group + "," + name + " in its header rows (needs "
                + String.join(", ", List.of("track,genre_top", "set,split", "set,subset", "artist,id")) + ")");
    }

    private static String cell(CSVRecord row, int column) {
        return column < row.size() ? row.get(column).strip() : "";
    }
}
