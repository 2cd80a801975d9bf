package org.genrebench.experiment;

import java.nio.file.Path;

/**
 * An input that a run could not use (a file, or a whole class), and the one-line reason; listed on the console and
 * in the report.
 */
public record Skipped(String input, String reason) {
    public Skipped(Path file, String reason) {
        this(file.toString(), reason);
    }

    @Override
    public String toString() {
        return input + ": " + reason;
    }
}
