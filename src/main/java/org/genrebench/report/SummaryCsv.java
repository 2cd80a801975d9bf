package org.genrebench.report;

import org.genrebench.eval.FoldResult;
import org.genrebench.eval.FoldScores;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.Csv;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.csv}: one row per (model, repeat, fold) with its song scores and sizes, written and read with
 * {@link Csv}; {@code report} combines runs from these files alone.
 */
final class SummaryCsv {
    static final List<String> COLUMNS = List.of("dataset", "protocol", "model", "family", "repeat", "fold", "song_accuracy",
            "macro_f1", "chunk_accuracy", "train_size", "test_size", "fit_seconds");

    /** One line of the file, in the order of {@link #COLUMNS}. */
    record Row(String dataset, String protocol, String model, String family, int repeat, int fold, double songAccuracy,
               double macroF1, double chunkAccuracy, int trainSize, int testSize, double fitSeconds) {
        private List<Object> cells() {
            return List.of(dataset, protocol, model, family, repeat, fold, songAccuracy, macroF1, chunkAccuracy, trainSize,
                    testSize, fitSeconds);
        }
    }

    private SummaryCsv() {
    }

    private static List<Row> rows(RunResult run) {
        List<Row> rows = new ArrayList<>();
        for (ModelResult m : run.models()) {
            int perRepeat = m.folds().size() / run.repeats();
            for (int i = 0; i < m.folds().size(); i++) {
                FoldResult f = m.folds().get(i);
                FoldScores s = m.scores().get(i);
                rows.add(new Row(run.dataset(), run.protocol(), m.name(), m.family(), i / perRepeat, i % perRepeat,
                        s.accuracy(), s.macroF1(), s.chunkAccuracy(), f.trainSize(), f.testIndex().length, f.fitSeconds()));
            }
        }
        return rows;
    }

    static void write(RunResult run, Path file) throws IOException {
        write(rows(run), file);
    }

    static void write(List<Row> rows, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            var csv = Csv.printer(w);
            csv.printRecord(COLUMNS);
            for (Row r : rows) csv.printRecord(r.cells());
            csv.flush();
        });
    }

    /**
     * Reads a summary.csv written by {@link #write}, its columns found by name; a missing column, a short line or a
     * cell that is not a number is a {@link UserException} naming the file (and line).
     */
    static List<Row> read(Path file) {
        List<Csv.Record> records;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = Csv.readAll(file, in, Csv.Dialect.STANDARD);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) throw new UserException(file + ": empty file, expected a header line");
        List<String> header = records.getFirst().cells();
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < at.length; c++) {
            at[c] = header.indexOf(COLUMNS.get(c));
            if (at[c] < 0) throw new UserException(file + ": no column '" + COLUMNS.get(c) + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            if (r.size() != header.size()) {
                throw new UserException(file + ":" + r.line() + ": expected " + header.size() + " columns, found " + r.size());
            }
            Cells cells = new Cells(file, r, at);
            rows.add(new Row(cells.text(0), cells.text(1), cells.text(2), cells.text(3), cells.integer(4), cells.integer(5),
                    cells.number(6), cells.number(7), cells.number(8), cells.integer(9), cells.integer(10), cells.number(11)));
        }
        return rows;
    }

    /** A line's cells by their place in {@link #COLUMNS}, typed by what that column holds. */
    private record Cells(Path file, Csv.Record record, int[] at) {
        String text(int column) {
            return record.cell(at[column]);
        }

        int integer(int column) {
            try {
                return Integer.parseInt(text(column));
            } catch (NumberFormatException e) {
                throw notA("whole number", column);
            }
        }

        double number(int column) {
            try {
                return Double.parseDouble(text(column));
            } catch (NumberFormatException e) {
                throw notA("number", column);
            }
        }

        private UserException notA(String what, int column) {
            return new UserException(file + ":" + record.line() + ": " + COLUMNS.get(column) + " is not a " + what + ": '"
                    + text(column) + "'");
        }
    }
}
