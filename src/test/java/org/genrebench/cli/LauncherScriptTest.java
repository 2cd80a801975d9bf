package org.genrebench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./genrebench} launcher at the repository root: arguments reach the CLI unsplit and its exit status passes
 * through. The first call may build the launcher's classpath file with {@code ./mvnw}, hence the long time limit.
 * Skipped where there is no bash.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("genrebench").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void helpExitsZeroAndPrintsUsage() throws Exception {
        Result r = run("--help");
        assertEquals(0, r.status, r::describe);
        assertTrue(r.stdout.startsWith("Usage: genrebench"), r::describe);
    }

    @Test
    void misuseExitsTwoAndKeepsSpacesInsideAnArgument() throws Exception {
        Result r = run("compare", "--an option with spaces");
        assertEquals(2, r.status, r::describe);
        // Split on spaces, picocli would name '--an' alone; whole, it names the argument as typed.
        assertTrue(r.stderr.contains("--an option with spaces"), r::describe);
    }

    @Test
    void unknownCommandExitsTwo() throws Exception {
        Result r = run("no-such-command");
        assertEquals(2, r.status, r::describe);
        assertTrue(r.stderr.contains("no-such-command"), r::describe);
    }

    private Result run(String... args) throws Exception {
        assumeTrue(bashAvailable(), "no bash on this machine");
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " is missing or not executable");
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("stdout.txt"), err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("./genrebench " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean bashAvailable() {
        try {
            return new ProcessBuilder("bash", "-c", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int status, String stdout, String stderr) {
        String describe() {
            return "exit status " + status + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
