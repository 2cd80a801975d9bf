package org.genrebench.report;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** summary.csv is read and written back byte for byte, the committed ones included; bad files name file and line. */
class SummaryCsvTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommittedSummaryReadsAndWritesBackByteForByte() throws IOException {
        List<Path> committed;
        try (Stream<Path> s = Files.walk(Path.of("results"))) {
            committed = s.filter(p -> p.getFileName().toString().equals("summary.csv")).sorted().toList();
        }
        assertFalse(committed.isEmpty());
        for (Path csv : committed) {
            Path copy = tmp.resolve("copy.csv");
            SummaryCsv.write(SummaryCsv.read(csv), copy);
            assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(copy), csv.toString());
        }
    }

    @Test
    void aModelOrProtocolNameNeedingQuotesRoundTrips() throws IOException {
        var row = new SummaryCsv.Row("set, \"odd\"", "5-fold\nCV", "knn", "classical", 0, 1, 0.5, 1.0 / 3, 1, 8, 2, 0.25);
        Path csv = tmp.resolve("summary.csv");
        SummaryCsv.write(List.of(row), csv);
        assertEquals(List.of(row), SummaryCsv.read(csv));
    }

    @Test
    void aMissingColumnOrABadCellIsNamed() throws IOException {
        String header = String.join(",", SummaryCsv.COLUMNS);
        Path noColumn = Files.writeString(tmp.resolve("a.csv"), header.replace(",fit_seconds", "") + "\n");
        assertEquals(noColumn + ": no column 'fit_seconds'", assertThrows(UserException.class, () -> SummaryCsv.read(noColumn)).getMessage());
        Path badCell = Files.writeString(tmp.resolve("b.csv"), header + "\nd,p,knn,classical,0,x,0.5,0.5,0.5,8,2,0.1\n");
        assertEquals(badCell + ":2: fold is not a whole number: 'x'", assertThrows(UserException.class, () -> SummaryCsv.read(badCell)).getMessage());
    }
}
