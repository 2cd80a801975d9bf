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
}
