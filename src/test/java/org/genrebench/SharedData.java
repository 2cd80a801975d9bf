package org.genrebench;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared reference data ({@code ../shared/data} beside the checkout, or {@code -Dgenrebench.shared=DIR}).
 * Outside CI a missing folder skips the test; in CI ({@code CI=true}) it fails, so parity can never silently vanish.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("genrebench.shared", "../shared/data")).toAbsolutePath().normalize();
        boolean present = Files.isDirectory(dir.resolve("gtzan-sample"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("shared reference data not found at " + dir + " (set -Dgenrebench.shared=DIR)");
        }
        Assumptions.assumeTrue(present, "shared reference data not found at " + dir);
        return dir;
    }

    public static Path sampleTrack(String genre) {
        return dir().resolve("gtzan-sample").resolve(genre).resolve(genre + ".00000.wav");
    }

    /** The pre-trained musicnn models: {@code ../shared/models/musicnn} beside the data folder, or {@code -Dgenrebench.musicnnModels=DIR}. */
    public static Path musicnnModels() {
        String given = System.getProperty("genrebench.musicnnModels");
        Path dir = given != null ? Path.of(given).toAbsolutePath().normalize() : dir().getParent().resolve("models").resolve("musicnn");
        boolean present = Files.isRegularFile(dir.resolve("MSD_musicnn.h5"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("musicnn models not found at " + dir + " (set -Dgenrebench.musicnnModels=DIR)");
        }
        Assumptions.assumeTrue(present, "musicnn models not found at " + dir);
        return dir;
    }

    public static Path featuresCsv() {
        return dir().resolve("features_30_sec.csv");
    }
}
