package org.genrebench.testutil;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;

/** Named pipes for tests of inputs that are not regular files. */
public final class Fifo {
    private Fifo() {
    }

    /** A named pipe at {@code path}, made by {@code mkfifo} (POSIX; the test is skipped where there is none). */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this system");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("mkfifo " + path + ": " + out);
        return path;
    }
}
