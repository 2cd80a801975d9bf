package org.genrebench.experiment;

import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The results folder of one run, {@code <out>/<name>}: named after the data the run used, locked while the run
 * writes into it, and stamped with a {@link Fingerprint} of that data and the run's settings so that
 * {@code --resume} only ever continues the same run.
 */
public final class RunFolder implements AutoCloseable {
    static final String FINGERPRINT_FILE = "fingerprint.properties";
    static final String LOCK_FILE = ".lock";
    /** Folder names that say where GTZAN keeps its genres rather than what the data is. */
    private static final Set<String> LAYOUT_NAMES = Set.of("genres", "genres_original", "data");

    /**
     * What a run's results depend on: where the data came from, what it holds, and the settings that change fold
     * results. Models are not part of it: each model's folds are stored apart and carry the settings above.
     *
     * @param source   the data's origin (canonical paths, or the embedded default's configuration)
     * @param contents hash over every input file's path, size and modification time
     * @param settings the options that shape results, by name
     */
    public record Fingerprint(String source, String contents, Map<String, String> settings) {
        public Fingerprint {
            settings = Map.copyOf(new TreeMap<>(settings));
        }

        /** A fingerprint over {@code files} (each path, size and modification time). */
        public static Fingerprint of(String source, List<Path> files, Map<String, String> settings) {
            MessageDigest sha = sha256();
            for (Path f : files.stream().sorted(Comparator.comparing(Path::toString)).toList()) {
                sha.update(f.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                try {
                    sha.update(ByteBuffer.allocate(16).putLong(Files.size(f)).putLong(Files.getLastModifiedTime(f).toMillis()).array());
                } catch (IOException e) {
                    sha.update(new byte[16]); // unreadable now: preparation names and skips it
                }
            }
            return new Fingerprint(source, HexFormat.of().formatHex(sha.digest()), settings);
        }

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("source", source);
            p.setProperty("contents", contents);
            settings.forEach((k, v) -> p.setProperty("setting." + k, v));
            return p;
        }

        static Fingerprint fromProperties(Properties p) {
            Map<String, String> settings = new TreeMap<>();
            for (String k : p.stringPropertyNames()) if (k.startsWith("setting.")) settings.put(k.substring(8), p.getProperty(k));
            return new Fingerprint(Objects.requireNonNullElse(p.getProperty("source"), ""),
                    Objects.requireNonNullElse(p.getProperty("contents"), ""), settings);
        }

        /** What differs from {@code earlier}, for a user: "data", or the settings with both values. */
        String differenceFrom(Fingerprint earlier) {
            List<String> diffs = new ArrayList<>();
            if (!source.equals(earlier.source)) diffs.add("other data (" + earlier.source + ")");
            else if (!contents.equals(earlier.contents)) diffs.add("changed data (files, sizes or dates differ)");
            TreeMap<String, String> keys = new TreeMap<>(settings);
            earlier.settings.forEach(keys::putIfAbsent);
            for (String k : keys.keySet()) {
                String was = earlier.settings.getOrDefault(k, "unset"), now = settings.getOrDefault(k, "unset");
                if (!was.equals(now)) diffs.add(k + " " + was + " (now " + now + ")");
            }
            return String.join(", ", diffs);
        }
    }

    private final Path dir;
    private final String name;
    private final Held held;

    /** The lock on a folder's lock file, and the channel that holds it. */
    private record Held(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (lock.isValid()) lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            }
        }
    }

    private RunFolder(Path dir, String name, Held held) {
        this.dir = dir;
        this.name = name;
        this.held = held;
    }

    /**
     * A readable folder name for data from {@code sources}: the folder or manifest names (a GTZAN layout folder such
     * as {@code genres/} gives way to the folder above it), joined by {@code +}.
     */
    public static String nameFor(List<Path> sources) {
        List<String> names = new ArrayList<>();
        for (Path s : sources) {
            Path p = s.toAbsolutePath().normalize();
            while (p.getParent() != null && p.getFileName() != null
                    && LAYOUT_NAMES.contains(p.getFileName().toString().toLowerCase(Locale.ROOT))) p = p.getParent();
            String n = p.getFileName() == null ? "data" : p.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
            names.add(n);
        }
        String joined = String.join("+", names).replaceAll("[^\\p{L}\\p{N}._+-]+", "_");
        return joined.isEmpty() || joined.startsWith(".") ? "data" + joined : joined;
    }

    /**
     * The origin of data read from {@code paths}, as a fingerprint records it: relative to the working folder when
     * inside it (so a committed result does not name one machine's folders), absolute otherwise.
     */
    public static String origin(List<Path> paths) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return String.join(" + ", paths.stream().map(p -> p.toAbsolutePath().normalize())
                .map(p -> p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString()).toList());
    }

    /**
     * Claims the results folder for a run named {@code name} (completed to the folder name by {@code folderName},
     * e.g. a {@code -tuned} suffix): the same folder as before for the same data, a name with a hash of the source
     * when that folder belongs to other data. Locks it, checks {@code --resume} against the fingerprint stored there,
     * and records this run's fingerprint.
     *
     * @return the claimed folder; its {@link #name} is the data name to run under
     */
    public static RunFolder claim(Path out, String name, UnaryOperator<String> folderName, Fingerprint fingerprint,
                                  boolean resume) {
        String chosen = name;
        Fingerprint stored = stored(out.resolve(folderName.apply(chosen)));
        if (stored != null && !stored.source().equals(fingerprint.source())) {
            chosen = name + "-" + HexFormat.of().formatHex(sha256().digest(fingerprint.source().getBytes(StandardCharsets.UTF_8))).substring(0, 8);
            stored = stored(out.resolve(folderName.apply(chosen)));
        }
        Path dir = out.resolve(folderName.apply(chosen));
        Held held = lock(dir);
        try {
            if (resume) requireSameRun(dir, stored, fingerprint);
            else clearEarlierFolds(dir);
            StringWriter text = new StringWriter();
            fingerprint.toProperties().store(text, "what this run's results depend on; --resume checks it");
            AtomicFiles.writeString(dir.resolve(FINGERPRINT_FILE), text.toString());
            return new RunFolder(dir, chosen, held);
        } catch (IOException | RuntimeException e) {
            held.close();
            if (e instanceof RuntimeException re) throw re;
            throw new UserException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The data name the run goes under (the folder is this plus the run's suffixes). */
    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    private static Held lock(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (another run in the same JVM)
            }
            if (lock == null) {
                String holder = Files.readString(dir.resolve(LOCK_FILE)).strip();
                channel.close();
                throw new UserException(dir + " is in use by another run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + "; wait for it to finish or give another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new Held(channel, lock);
        } catch (IOException e) {
            throw new UserException("cannot use results folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void requireSameRun(Path dir, Fingerprint stored, Fingerprint now) {
        boolean hasFolds = Files.isDirectory(dir.resolve("predictions"));
        if (stored == null) {
            if (hasFolds) {
                throw new UserException("--resume: " + dir + " holds results without a fingerprint, so nothing proves they"
                        + " come from this data and these settings; run without --resume to start over");
            }
            return; // nothing to continue: a fresh run
        }
        String diff = now.differenceFrom(stored);
        if (!diff.isEmpty()) {
            throw new UserException("--resume: " + dir + " holds a run of " + diff
                    + "; run without --resume to start over, or give another --out");
        }
    }

    /** A fresh run must not leave an earlier run's folds where a later {@code --resume} could pick them up. */
    private static void clearEarlierFolds(Path dir) throws IOException {
        Path predictions = dir.resolve("predictions");
        if (!Files.isDirectory(predictions)) return;
        try (Stream<Path> s = Files.walk(predictions)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static Fingerprint stored(Path dir) {
        Path file = dir.resolve(FINGERPRINT_FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            return Fingerprint.fromProperties(p);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases the lock (the lock file stays; only a held lock counts). */
    @Override
    public void close() {
        held.close();
    }
}
