package org.genrebench.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over a file's bytes: the identity of its content, whatever its name. */
public final class FileDigest {
    private FileDigest() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Feeds every byte of {@code file} to {@code digest} and returns it. */
    public static MessageDigest update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
        }
        return digest;
    }

    /** The SHA-256 of {@code file}'s bytes. */
    public static byte[] of(Path file) throws IOException {
        return update(sha256(), file).digest();
    }
}
