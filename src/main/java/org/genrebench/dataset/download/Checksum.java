package org.genrebench.dataset.download;

import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An expected file digest; {@code algorithm} is a {@link MessageDigest} name ("MD5", "SHA-1", "SHA-256"). */
public record Checksum(String algorithm, String hex) {
    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        int expectedLength = switch (algorithm) {
            case "MD5" -> 32;
            case "SHA-1" -> 40;
            case "SHA-256" -> 64;
            default -> throw new IllegalArgumentException("unsupported checksum algorithm " + algorithm);
        };
        if (!hex.matches("[0-9a-f]{" + expectedLength + "}")) {
            throw new UserException(algorithm + " checksum must be " + expectedLength + " hex digits, not '" + hex + "'");
        }
    }

    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    public static Checksum sha1(String hex) {
        return new Checksum("SHA-1", hex);
    }

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    /** The digest of {@code file} in this checksum's algorithm, as lower-case hex. */
    public String digestOf(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // MD5, SHA-1 and SHA-256 are required of every JDK
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Throws a UserException naming both digests when {@code file} does not match. */
    public void verify(Path file) throws IOException {
        String actual = digestOf(file);
        if (!actual.equals(hex)) {
            throw new UserException(file + " is corrupt: " + algorithm + " is " + actual + " but should be " + hex);
        }
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
