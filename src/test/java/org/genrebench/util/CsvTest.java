package org.genrebench.util;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What is written is read back cell for cell; every record knows its line; malformed CSV is one line naming it. */
class CsvTest {
    private static final Path FILE = Path.of("t.csv");

    private static String written(List<List<String>> rows) throws Exception {
        StringWriter out = new StringWriter();
        var csv = Csv.printer(out);
        for (List<String> row : rows) csv.printRecord(row);
        csv.flush();
        return out.toString();
    }

    private static List<Csv.Record> read(String text) {
        return Csv.readAll(FILE, new StringReader(text), Csv.Dialect.STANDARD);
    }

    @Test
    void cellsThatNeedQuotesRoundTripAndPlainCellsAreWrittenBare() throws Exception {
        List<List<String>> rows = List.of(List.of("song", "label"),
                List.of("rock/Live, \"at\" the\nclub", "rock, \"hard\""),
                List.of(" leading space", "trailing space "),
                List.of("#not a comment", "a\r\nb"),
                List.of("blues.00000", "blues"));
        String text = written(rows);
        assertEquals(rows, read(text).stream().map(Csv.Record::cells).toList(), text);
        assertEquals(List.of("song,label", "blues.00000,blues"), List.of(text.lines().findFirst().orElseThrow(), text.lines().toList().getLast()));
        assertEquals(List.of("\"#c\",x"), List.of(written(List.of(List.of("#c", "x"))).strip()), "a leading # is quoted");
    }

    @Test
    void recordsKnowTheLineTheyStartOnPastBlankLinesQuotedLineBreaksAndComments() {
        List<Csv.Record> records = read("a,b\n\n  \n\"x\ny\",1\nz,2\n");
        assertEquals(List.of(1, 4, 6), records.stream().map(Csv.Record::line).toList());
        List<Csv.Record> commented = Csv.readAll(FILE, new StringReader("a,b\n# two\n# comments\nx,1\n"), Csv.Dialect.STANDARD.withHashComments());
        assertEquals(List.of(1, 4), commented.stream().map(Csv.Record::line).toList());
        assertEquals(List.of("x", "1"), commented.get(1).cells());
        assertEquals("", commented.get(1).cell(5), "past the end of a short record");
    }

    @Test
    void malformedCsvIsOneLineNamingFileAndLine() {
        String open = assertThrows(UserException.class, () -> read("a,b\n1,2\n\"never closed,3\n4,5\n")).getMessage();
        assertEquals("t.csv:3: malformed CSV: a quoted cell is never closed (an unbalanced quote)", open);
        String after = assertThrows(UserException.class, () -> read("a,b\n\"x\"y,1\n")).getMessage();
        assertEquals("t.csv:2: malformed CSV: text after a quoted cell's closing quote (a quote inside a cell is written twice: \"\")", after);
    }

    @Test
    void aSemicolonDialectSplitsOnSemicolonsOnly() {
        List<Csv.Record> records = Csv.readAll(FILE, new StringReader("a;b\n1,5;\"x;y\"\n"), new Csv.Dialect(';', false));
        assertEquals(List.of("1,5", "x;y"), records.get(1).cells());
    }
}
