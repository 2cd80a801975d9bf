package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only user errors here: the download itself is tested against a loopback server in the dataset package. */
class DownloadCommandTest {
    private static String run(int expectedCode, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(expectedCode, cl.execute(args), err::toString);
        return err.toString().strip();
    }

    @Test
    void unknownDatasetIsAUserError(@TempDir Path dir) {
        assertEquals("error: unknown dataset 'mnist'; known: gtzan, fma-metadata, fma-small, fma-medium", run(2, "download", "mnist", "--to", dir.toString()));
    }

    @Test
    void malformedChecksumIsAUserError(@TempDir Path dir) {
        assertEquals("error: SHA-256 checksum must be 64 hex digits, not 'abc'",
                run(2, "download", "gtzan", "--to", dir.toString(), "--url", "http://127.0.0.1:9/x.tar.gz", "--sha256", "abc"));
    }
}
