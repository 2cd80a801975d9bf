package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SynthCommandTest {
    @Test
    void writesTheRequestedSet(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("synth", "--out", dir.toString(), "--genres", "2", "--per-genre", "2", "--seconds", "0.5", "--seed", "3"));
        assertTrue(Files.isRegularFile(dir.resolve("genres/classical/classical.00001.wav")));
        assertTrue(Files.isRegularFile(dir.resolve("synth.json")));
        assertTrue(out.toString().startsWith("wrote 4 tracks"), out.toString());
    }

    @Test
    void badSettingIsAOneLineUserError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("synth", "--out", dir.toString(), "--difficulty", "2"));
        assertEquals("error: --difficulty must be between 0 and 1, not 2.0", err.toString().strip());
    }
}
