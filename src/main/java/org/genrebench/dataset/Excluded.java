package org.genrebench.dataset;

import java.nio.file.Path;

/** A file or folder a dataset scan left out, and the one-line reason. */
public record Excluded(Path file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
