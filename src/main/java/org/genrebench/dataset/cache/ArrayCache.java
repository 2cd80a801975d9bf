package org.genrebench.dataset.cache;

import org.genrebench.util.AtomicFiles;
import org.genrebench.util.FileDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * On-disk cache of float arrays (feature rows, mel spectrograms) keyed by the <em>content</em> of the source
 * file and the extraction parameters, so renaming a file keeps its entry and changing a parameter or the
 * audio invalidates it. Entries are written atomically (temp file + rename): a killed run leaves either a
 * whole entry or none, and concurrent writers of the same key are harmless.
 */
public final class ArrayCache {
    private static final int MAGIC = 0x47424331; // "GBC1"
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Part of every key; raised whenever what may be stored changes, so that no older entry is reused. 2: no entry
     * holds a clip shorter than {@code feature.MinimumClip} allows.
     */
    private static final String GENERATION = "2";

    private final Path dir;

    public ArrayCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Cache key of {@code file}'s bytes combined with a parameter description such as
     * {@code "features58:sr=22050,chunk=66149"}.
     */
    public static String key(Path file, String parameters) {
        return Content.of(file).key(parameters);
    }

    /** SHA-256 of {@code file}'s bytes, in hex: what a file's cache keys and a run's fingerprint know it by. */
    public static String contentHash(Path file) {
        return Content.of(file).hash();
    }

    /**
     * A file's bytes read and digested once, from which its content hash and any number of cache keys are derived
     * (a track needed as feature rows and as mel windows is read once, not once per view).
     */
    public static final class Content {
        private final MessageDigest bytes;

        private Content(MessageDigest bytes) {
            this.bytes = bytes;
        }

        /** Reads and digests {@code file}; an unreadable file is an {@link UncheckedIOException}. */
        public static Content of(Path file) {
            try {
                return new Content(FileDigest.update(FileDigest.sha256(), file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SHA-256 of the bytes, in hex. */
        public String hash() {
            return HEX.formatHex(copy().digest());
        }

        /** The cache key of these bytes under {@code parameters}. */
        public String key(String parameters) {
            MessageDigest sha = copy();
            sha.update((byte) 0);
            sha.update(GENERATION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(parameters.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HEX.formatHex(sha.digest());
        }

        private MessageDigest copy() {
            try {
                return (MessageDigest) bytes.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digest cannot be copied", e);
            }
        }
    }


    public Optional<float[]> get(String key) {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) > 0) { }
            buf.flip();
            if (buf.remaining() < 8 || buf.getInt() != MAGIC) return Optional.empty();
            int n = buf.getInt();
            if (n < 0 || buf.remaining() != 4L * n) return Optional.empty(); // damaged entry: recompute
            float[] data = new float[n];
            buf.asFloatBuffer().get(data);
            return Optional.of(data);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void put(String key, float[] data) {
        Path file = pathOf(key);
        try {
            ByteBuffer buf = ByteBuffer.allocate(8 + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
            buf.putInt(MAGIC).putInt(data.length);
            buf.asFloatBuffer().put(data);
            AtomicFiles.write(file, buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache entry " + file, e);
        }
    }

    private Path pathOf(String key) {
        // Two-level fan-out keeps directories small on the full 1000-track set.
        return dir.resolve(key.substring(0, 2)).resolve(key + ".f32");
    }
}
