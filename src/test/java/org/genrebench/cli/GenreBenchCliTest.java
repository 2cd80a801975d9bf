package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void everySubcommandHasHelp() {
        for (String sub : new String[]{"compare", "extract", "train", "predict", "synth", "download"}) {
            StringWriter out = new StringWriter();
            CommandLine cl = GenreBench.newCommandLine();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute(sub, "--help"), sub);
            assertTrue(out.toString().startsWith("Usage: genrebench " + sub), () -> out.toString());
        }
    }
}
