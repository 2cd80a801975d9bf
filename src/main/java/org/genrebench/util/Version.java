package org.genrebench.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** GenreBench's own version, as the build wrote it into {@code genrebench-version.properties}. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    /** The project version (e.g. {@code 0.1.0-SNAPSHOT}), or "unknown" outside a Maven build's class path. */
    public static String genreBench() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/genrebench-version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
