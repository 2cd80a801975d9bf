package org.genrebench.dataset;

import org.genrebench.feature.FeatureSchema;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** The feature table read by its schema: every departure named with file and line, or read as the user meant. */
class FeatureTableTest {
    @TempDir
    Path dir;

    /** The community header and rows {@code filename, length, 57 values (row seed + column / 100), label}. */
    private static List<List<String>> table(String... filenameAndLabel) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(FeatureSchema.tableColumns());
        for (int r = 0; r < filenameAndLabel.length; r += 2) {
            List<String> row = new ArrayList<>();
            row.add(filenameAndLabel[r]);
            row.add("66149");
            for (int c = 1; c < FeatureSchema.SIZE; c++) row.add(Double.toString(r + c / 100.0));
            row.add(filenameAndLabel[r + 1]);
            rows.add(row);
        }
        return rows;
    }

    private Path write(String name, List<List<String>> rows, Function<List<String>, String> joiner) throws Exception {
        return Files.writeString(dir.resolve(name), rows.stream().map(joiner).collect(Collectors.joining("\n", "", "\n")));
    }

    private Path write(String name, List<List<String>> rows) throws Exception {
        return write(name, rows, r -> String.join(",", r));
    }

    private String error(Path csv) {
        return assertThrows(UserException.class, () -> FeatureTable.read(csv)).getMessage();
    }

    @Test
    void readsTheCommunitySchemaAndMapsChunksToSongs() throws Exception {
        FeatureTable t = FeatureTable.read(write("features_3_sec.csv",
                table("blues.00000.0.wav", "blues", "blues.00000.1.wav", "blues", "rock.00007.au", "rock")));
        assertEquals(57, t.featureNames().size(), "length is not a feature");
        assertFalse(t.featureNames().contains("length"));
        assertEquals(List.of("blues.00000", "blues.00000", "rock.00007"), t.rows().stream().map(FeatureTable.Row::songId).toList());
        assertEquals("blues.00000.1", t.rows().get(1).id());
        assertEquals(List.of("blues", "rock"), t.classNames());
        assertEquals(4.01, t.samples().get(2).input()[0], 1e-12);
        assertEquals(1, t.samples().get(2).label());
        assertTrue(t.chunked());
        assertTrue(t.dropped().isEmpty() && t.warnings().isEmpty());
    }

    @Test
    void columnsAreTakenByNameInAnyOrderAndLengthIsOptional() throws Exception {
        List<List<String>> rows = table("blues.00000.wav", "blues", "rock.00001.wav", "rock");
        FeatureTable plain = FeatureTable.read(write("plain.csv", rows));
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows.getFirst().size()).boxed().toList());
        Collections.reverse(order);
        order.remove(Integer.valueOf(1)); // no length column
        FeatureTable shuffled = FeatureTable.read(write("shuffled.csv", rows.stream().map(r -> order.stream().map(r::get).toList()).toList()));
        for (int i = 0; i < 2; i++) assertArrayEquals(plain.rows().get(i).features(), shuffled.rows().get(i).features());
    }

    @Test
    void bomQuotedFieldsAndSemicolonsReadAsThePlainTable() throws Exception {
        List<List<String>> rows = table("blues.00000.wav", "blues", "rock.00001.wav", "rock");
        FeatureTable plain = FeatureTable.read(write("plain.csv", rows));
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFF" + Files.readString(dir.resolve("plain.csv"))).getBytes(StandardCharsets.UTF_8));
        Path quoted = write("quoted.csv", rows, r -> r.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",")));
        Path semicolons = write("semicolons.csv", rows, r -> r.stream().map(c -> c.matches("[-0-9.E]+") ? c.replace('.', ',') : c)
                .collect(Collectors.joining(";")));
        for (Path csv : List.of(bom, quoted, semicolons)) {
            FeatureTable t = FeatureTable.read(csv);
            assertEquals(plain.rows().stream().map(FeatureTable.Row::id).toList(), t.rows().stream().map(FeatureTable.Row::id).toList(), csv.toString());
            for (int i = 0; i < 2; i++) assertArrayEquals(plain.rows().get(i).features(), t.rows().get(i).features(), csv.toString());
        }
    }

    @Test
    void aPandasIndexColumnExtraAndMissingColumnsAreErrorsNamingTheColumn() throws Exception {
        List<List<String>> rows = table("blues.00000.wav", "blues");
        List<List<String>> indexed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = new ArrayList<>(rows.get(i));
            r.addFirst(i == 0 ? "" : Integer.toString(i - 1));
            indexed.add(r);
        }
        String msg = error(write("indexed.csv", indexed));
        assertTrue(msg.startsWith(dir.resolve("indexed.csv") + ":1:") && msg.contains("index=False"), msg);

        List<List<String>> extra = rows.stream().map(r -> {
            List<String> c = new ArrayList<>(r);
            c.add(1, r == rows.getFirst() ? "loudness" : "0.5");
            return c;
        }).toList();
        msg = error(write("extra.csv", extra));
        assertTrue(msg.contains("extra.csv:1") && msg.contains("loudness"), msg);

        List<List<String>> missing = rows.stream().map(r -> {
            List<String> c = new ArrayList<>(r);
            c.remove(5);
            return c;
        }).toList();
        msg = error(write("missing.csv", missing));
        assertTrue(msg.contains("missing.csv:1") && msg.contains(FeatureSchema.COLUMNS.get(4)), msg);
    }

    @Test
    void repeatedRowsAreDroppedAndNamedConflictsAreErrors() throws Exception {
        List<List<String>> rows = table("blues.00000.wav", "blues", "rock.00001.wav", "rock");
        List<List<String>> repeated = new ArrayList<>(rows);
        repeated.add(rows.get(1));
        FeatureTable t = FeatureTable.read(write("repeated.csv", repeated));
        assertEquals(2, t.rows().size());
        assertEquals(List.of("line 4: blues.00000 repeats line 2 exactly; the repeat is dropped"), t.dropped());

        List<List<String>> twoLabels = new ArrayList<>(rows);
        List<String> relabelled = new ArrayList<>(rows.get(1));
        relabelled.set(relabelled.size() - 1, "jazz");
        twoLabels.add(relabelled);
        String msg = error(write("twolabels.csv", twoLabels));
        assertTrue(msg.contains("twolabels.csv:4") && msg.contains("'jazz'") && msg.contains("line 2"), msg);

        List<List<String>> otherValues = new ArrayList<>(rows);
        List<String> changed = new ArrayList<>(rows.get(1));
        changed.set(3, "9.99");
        otherValues.add(changed);
        msg = error(write("othervalues.csv", otherValues));
        assertTrue(msg.contains("othervalues.csv:4") && msg.contains("line 2"), msg);
    }

    @Test
    void aLabelThatContradictsAGtzanFileNameIsAWarning() throws Exception {
        FeatureTable t = FeatureTable.read(write("mislabel.csv", table("blues.00000.wav", "blues", "rock.00001.wav", "jazz")));
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().getFirst().contains("mislabel.csv:3") && t.warnings().getFirst().contains("'jazz'"), t.warnings().toString());
    }

    @Test
    void malformedCellsNameFileLineAndColumn() throws Exception {
        List<List<String>> rows = new ArrayList<>(table("blues.00000.wav", "blues", "rock.00001.wav", "rock"));
        List<String> bad = new ArrayList<>(rows.get(2));
        bad.set(2, "oops");
        rows.set(2, bad);
        String msg = error(write("bad.csv", rows));
        assertTrue(msg.contains("bad.csv:3") && msg.contains("'" + FeatureSchema.COLUMNS.get(1) + "'") && msg.contains("oops"), msg);

        List<List<String>> nan = new ArrayList<>(table("blues.00000.wav", "blues"));
        List<String> n = new ArrayList<>(nan.get(1));
        n.set(3, "Infinity");
        nan.set(1, n);
        assertTrue(error(write("inf.csv", nan)).contains("inf.csv:2"));
        // cells a CSV reader may take for "missing" are quoted as they stand, with file, line and column
        for (String cell : List.of("NaN", "NA", "null", "N/A", "*", "")) {
            n.set(3, cell);
            nan.set(1, n);
            msg = error(write("nan.csv", nan));
            String column = "column 4 '" + FeatureSchema.COLUMNS.get(2) + "'";
            assertEquals(cell.equals("NaN") ? dir.resolve("nan.csv") + ":2: " + column + " is not finite: 'NaN'"
                    : cell.isEmpty() ? dir.resolve("nan.csv") + ":2: " + column + " is empty"
                    : dir.resolve("nan.csv") + ":2: " + column + " is not a number: '" + cell + "'", msg);
        }

        List<List<String>> shortRow = new ArrayList<>(table("blues.00000.wav", "blues"));
        shortRow.add(List.of("rock.00001.wav", "rock"));
        msg = error(write("short.csv", shortRow));
        assertTrue(msg.contains("short.csv:3") && msg.contains("expected 60 columns, found 2"), msg);

        assertTrue(error(Files.writeString(dir.resolve("empty.csv"), "")).contains("empty.csv:1"));
        assertTrue(error(Files.writeString(dir.resolve("tabs.csv"), "filename\tlabel\n")).contains("tab-separated"));
    }

    @Test
    void extractOutputWithCommasInNamesReadsBack() throws Exception {
        double[] f = new double[FeatureSchema.SIZE];
        for (int i = 0; i < f.length; i++) f[i] = i + 0.5;
        StringWriter out = new StringWriter();
        FeatureTableWriter.write(List.of(new FeatureTableWriter.Row("Song, live \"take 2\".wav", f, "rock, indie"),
                new FeatureTableWriter.Row("two\nlines.wav", f, "blues"), new FeatureTableWriter.Row("plain.wav", f, "blues")), out);
        FeatureTable t = FeatureTable.read(Files.writeString(dir.resolve("extracted.csv"), out.toString()));
        assertEquals(List.of("Song, live \"take 2\"", "two\nlines", "plain"), t.rows().stream().map(FeatureTable.Row::id).toList());
        assertEquals(List.of("blues", "rock, indie"), t.classNames());
        assertEquals(1.5, t.rows().getFirst().features()[0], 0);
    }

    @Test
    void aQuotedCellOverTwoLinesCountsLinesAndAnUnbalancedQuoteNamesItsLine() throws Exception {
        List<List<String>> rows = table("two\nlines.wav", "blues", "rock.00001.wav", "jazz");
        FeatureTable t = FeatureTable.read(write("multiline.csv", rows, r -> r.stream().map(c -> c.contains("\n") ? "\"" + c + "\"" : c)
                .collect(Collectors.joining(","))));
        assertEquals("two\nlines", t.rows().getFirst().id());
        assertTrue(t.warnings().getFirst().contains("multiline.csv:4:"), "the second row starts on line 4: " + t.warnings());

        List<List<String>> open = table("blues.00000.wav", "blues", "rock.00001.wav", "rock");
        List<String> bad = new ArrayList<>(open.get(2));
        bad.set(0, "\"rock.00001.wav");
        open.set(2, bad);
        assertEquals(dir.resolve("open.csv") + ":3: malformed CSV: a quoted cell is never closed (an unbalanced quote)",
                error(write("open.csv", open)));
    }

    @Test
    void realTableHasTheCommunitySchema() {
        Path csv = Path.of("data/features_30_sec.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(csv));
        FeatureTable t = FeatureTable.read(csv);
        assertEquals(1000, t.rows().size());
        assertEquals(57, t.featureNames().size()); // 58 minus the constant 'length'
        assertEquals(10, t.classNames().size());
        assertEquals(List.of(), t.dropped());
        assertEquals(List.of(), t.warnings());
    }
}
