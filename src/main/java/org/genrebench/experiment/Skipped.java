package org.genrebench.experiment;

import java.nio.file.Path;

/** An input that a run could not use, and the one-line reason; listed on the console and in the report. */
public record Skipped(Path file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
