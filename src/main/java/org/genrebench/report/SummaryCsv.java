package org.genrebench.report;

import org.genrebench.eval.FoldResult;
import org.genrebench.eval.FoldScores;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.util.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.csv}: one row per (model, repeat, fold) with its song scores and sizes, written and read with
 * Tablesaw; {@code report} combines runs from these files alone.
 */
public final class SummaryCsv {
    static final String[] COLUMNS = {"dataset", "protocol", "model", "family", "repeat", "fold", "song_accuracy", "macro_f1",
            "chunk_accuracy", "train_size", "test_size", "fit_seconds"};

    private SummaryCsv() {
    }

    static Table table(RunResult run) {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn protocol = StringColumn.create("protocol");
        StringColumn model = StringColumn.create("model");
        StringColumn family = StringColumn.create("family");
        IntColumn repeat = IntColumn.create("repeat");
        IntColumn fold = IntColumn.create("fold");
        DoubleColumn accuracy = DoubleColumn.create("song_accuracy");
        DoubleColumn macroF1 = DoubleColumn.create("macro_f1");
        DoubleColumn chunk = DoubleColumn.create("chunk_accuracy");
        IntColumn train = IntColumn.create("train_size");
        IntColumn test = IntColumn.create("test_size");
        DoubleColumn fit = DoubleColumn.create("fit_seconds");
        for (ModelResult m : run.models()) {
            int perRepeat = m.folds().size() / run.repeats();
            for (int i = 0; i < m.folds().size(); i++) {
                FoldResult f = m.folds().get(i);
                FoldScores s = m.scores().get(i);
                dataset.append(run.dataset());
                protocol.append(run.protocol());
                model.append(m.name());
                family.append(m.family());
                repeat.append(i / perRepeat);
                fold.append(i % perRepeat);
                accuracy.append(s.accuracy());
                macroF1.append(s.macroF1());
                chunk.append(s.chunkAccuracy());
                train.append(f.trainSize());
                test.append(f.testIndex().length);
                fit.append(f.fitSeconds());
            }
        }
        return Table.create("summary", dataset, protocol, model, family, repeat, fold, accuracy, macroF1, chunk, train, test, fit);
    }

    static void write(RunResult run, Path file) throws IOException {
        write(table(run), file);
    }

    static void write(Table t, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            t.write().csv(CsvWriteOptions.builder(w).build());
            w.flush();
        });
    }

    /** Reads a summary.csv written by {@link #write}; a missing column is named in the error. */
    public static Table read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, ColumnType> types = new HashMap<>();
            for (String c : List.of("dataset", "protocol", "model", "family")) types.put(c, ColumnType.STRING);
            for (String c : List.of("repeat", "fold", "train_size", "test_size")) types.put(c, ColumnType.INTEGER);
            for (String c : List.of("song_accuracy", "macro_f1", "chunk_accuracy", "fit_seconds")) types.put(c, ColumnType.DOUBLE);
            // Types are given, not guessed: a column of whole numbers (accuracy 1 in every fold) stays a double.
            Table t = Table.read().csv(CsvReadOptions.builder(r).tableName(file.toString()).columnTypesPartial(types).build());
            for (String c : COLUMNS) {
                if (!t.columnNames().contains(c)) throw new IllegalArgumentException(file + ": no column '" + c + "'");
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
