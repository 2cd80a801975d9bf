package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenreBenchCliTest {

    @Test
    void helpListsEverySubcommand() {
        StringWriter out = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        for (String sub : new String[]{"compare", "extract", "train", "predict", "synth", "download"}) {
            assertTrue(out.toString().contains(sub), () -> "help does not list " + sub + ":\n" + out);
        }
    }

    @Test
    void versionIsTheBuildsVersion() {
        StringWriter out = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--version"));
        assertEquals("GenreBench " + org.genrebench.util.Version.genreBench(), out.toString().strip());
        assertFalse(out.toString().contains("unknown"), out.toString());
    }

    /**
     * Every command's {@code --help}, the root's included, prints its usage and nothing on stderr: an unescaped
     * {@code %} in a description makes picocli print a format warning there and show the raw text.
     */
    @Test
    void everyCommandHasHelpWithoutFormatWarnings() {
        List<String> commands = new ArrayList<>(GenreBench.newCommandLine().getSubcommands().keySet());
        commands.remove("help");
        assertTrue(commands.containsAll(List.of("compare", "report", "extract", "train", "predict", "synth", "download")), commands.toString());
        commands.add("");
        PrintStream systemErr = System.err;
        for (String sub : commands) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            ByteArrayOutputStream traced = new ByteArrayOutputStream();
            CommandLine cl = GenreBench.newCommandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code;
            System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
            try {
                code = sub.isEmpty() ? cl.execute("--help") : cl.execute(sub, "--help");
            } finally {
                System.setErr(systemErr);
            }
            String name = sub.isEmpty() ? "genrebench" : sub;
            assertEquals(0, code, name);
            assertTrue(out.toString().startsWith("Usage: genrebench" + (sub.isEmpty() ? "" : " " + sub)), out::toString);
            String stderr = traced.toString(StandardCharsets.UTF_8) + err;
            assertEquals("", stderr.strip(), name + " --help wrote to stderr");
            assertFalse(out.toString().contains("%n") || out.toString().contains("%%"),
                    () -> name + " --help shows an unformatted description:\n" + out);
        }
    }

    /** nd4j's and DL4J's INFO lines (the backend banner of every network run) are off; their warnings stay on. */
    @Test
    void networkLibrariesLogWarningsOnly() {
        for (String logger : List.of("org.nd4j.linalg.factory.Nd4jBackend", "org.nd4j.linalg.cpu.nativecpu.CpuBackend",
                "org.deeplearning4j.nn.multilayer.MultiLayerNetwork")) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(logger);
            assertFalse(log.isInfoEnabled(), logger);
            assertTrue(log.isWarnEnabled(), logger);
        }
    }

    /** Progress bars go to stderr without ANSI colour codes, so a pipe or a log file gets plain text. */
    @Test
    void progressBarsWriteNoAnsiCodes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CompareCommandTest.cli("extract", "--data", data.toString(), "--out", tmp.resolve("f.csv").toString());
            CompareCommandTest.cli("download", "gtzan", "--to", tmp.resolve("dl").toString(), "--attempts", "1",
                    "--url", "http://127.0.0.1:9/genres.tar.gz", "--sha256", "0".repeat(64));
        } finally {
            System.setErr(systemErr);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("extract") && err.contains("gtzan"), err);
        assertFalse(err.contains("\u001b"), "ANSI escape codes on stderr:\n" + err);
        assertFalse(java.nio.file.Files.exists(tmp.resolve("dl")), "a failed download left its empty folder");
    }
}
