package org.genrebench.dataset;

import org.genrebench.util.Csv;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        try (Reader in = Files.newBufferedReader(csv); Csv.Records rows = Csv.read(csv, in, Csv.Dialect.STANDARD)) {
            Csv.Record groups = next(rows, csv), names = next(rows, csv), idRow = next(rows, csv);
            if (!idRow.cell(0).equals("track_id")) {
                throw new UserException(csv + " is not FMA's tracks.csv: its third header row should start with track_id, found '"
                        + idRow.cell(0) + "'");
            }
            int genre = column(groups, names, "track", "genre_top", csv), split = column(groups, names, "set", "split", csv);
            int subset = column(groups, names, "set", "subset", csv), artist = column(groups, names, "artist", "id", csv);
            while (rows.hasNext()) {
                Csv.Record row = rows.next();
                int id;
                try {
                    id = Integer.parseInt(row.cell(0).strip());
                } catch (NumberFormatException e) {
                    throw new UserException(csv + " line " + row.line() + ": track_id '" + row.cell(0) + "' is not a number");
                }
                if (!wanted.contains(id)) continue;
                out.put(id, new Entry(row.cell(genre).strip(), row.cell(split).strip(), row.cell(subset).strip(), row.cell(artist).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return out;
    }

    private static Csv.Record next(Csv.Records rows, Path csv) {
        if (!rows.hasNext()) throw new UserException(csv + " is not FMA's tracks.csv: it ends inside its three header rows");
        return rows.next();
    }

    /** The column whose two header rows read {@code group,name}. */
    private static int column(Csv.Record groups, Csv.Record names, String group, String name, Path csv) {
        for (int i = 0; i < Math.min(groups.size(), names.size()); i++) {
            if (groups.cell(i).equals(group) && names.cell(i).equals(name)) return i;
        }
        throw new UserException(csv + " is not FMA's tracks.csv: no column " + group + "," + name + " in its header rows (needs "
                + String.join(", ", List.of("track,genre_top", "set,split", "set,subset", "artist,id")) + ")");
    }
}
