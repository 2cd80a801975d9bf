package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report} combines result folders from their summary.csv alone. */
class ReportCommandTest {

    @Test
    void combinesProtocolsIntoOneTableWithIntervalsAndACdDiagram(@TempDir Path tmp) throws IOException {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("gtzan"));
        Path results = tmp.resolve("results");
        for (String protocol : List.of("kfold", "chunk-shuffle")) {
            assertEquals(0, cli("compare", "--data", data.toString(), "--models", "knn,logreg", "--folds", "3", "--repeats", "2",
                    "--protocol", protocol, "--chunk-seconds", "1", "--data-root", tmp.resolve("root").toString(),
                    "--out", results.toString()).code());
        }
        Path out = tmp.resolve("combined");
        var run = cli("report", results.resolve("gtzan-r2").toString(), results.resolve("gtzan-chunk-shuffle-r2").toString(),
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains(" | " + results.resolve("gtzan-r2") + " | " + results.resolve("gtzan-chunk-shuffle-r2") + " |"), md);
        assertTrue(md.matches("(?s).*\\| knn \\| \\d\\.\\d{3} \\[-?\\d\\.\\d{3}, \\d\\.\\d{3}] \\|.*"), md);
        assertTrue(md.contains("**Warning:**"), md);
        assertTrue(md.contains("Critical difference across runs"), md);
        assertTrue(Files.size(out.resolve("cd-diagram.png")) > 1000);
        // combined summary.csv: 2 models × 2 repeats × (3 folds + 1 split) rows plus the header
        assertEquals(1 + 2 * 2 * 3 + 2 * 2, Files.readAllLines(out.resolve("summary.csv")).size());
    }

    @Test
    void aFolderWithoutSummaryIsMisuse(@TempDir Path tmp) {
        var run = cli("report", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error:") && run.err().contains("summary.csv"), run.err());
    }
}
