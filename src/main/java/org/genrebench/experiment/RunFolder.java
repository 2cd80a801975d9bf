package org.genrebench.experiment;

import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The results folder of one run, {@code <out>/<name>}: named after the data the run used, locked while the run
 * writes into it, and stamped with a {@link Fingerprint} of that data and the run's settings.
 *
 * <p>The rule that keeps every finished result: a folder holds one run, of one source, one set of settings and
 * models. A run of the same data and settings goes to the same folder; any other run goes to
 * {@code <name>-<8 hex digits of its source and settings>} and says so. A new run into a folder that already holds
 * a run is built in the hidden sibling {@code .<folder>.next} and moved into place only when complete (files the
 * run does not write, such as a user's notes, are carried over), so a failed or killed run leaves the earlier one as
 * it was. {@code --resume} continues only a run of the same data, by content, and the same settings.
 */
public final class RunFolder implements AutoCloseable {
    static final String FINGERPRINT_FILE = "fingerprint.properties";
    static final String LOCK_FILE = ".lock";
    /** What a run writes; anything else in a folder being replaced is the user's and moves to the new one. */
    private static final Pattern RUN_OUTPUTS = Pattern.compile(
            "predictions|report\\.md|summary\\.json|summary\\.csv|accuracy\\.png|cd-diagram\\.png|confusion-.*\\.png|"
                    + Pattern.quote(FINGERPRINT_FILE) + "|" + Pattern.quote(LOCK_FILE) + "|\\..*\\.tmp");
    /** Folder names that say where GTZAN keeps its genres rather than what the data is. */
    private static final Set<String> LAYOUT_NAMES = Set.of("genres", "genres_original", "data");
    /** Raised when what a fingerprint records changes; a stored fingerprint of another version never matches. */
    static final int FINGERPRINT_VERSION = 2;

    /**
     * What a run's results depend on: where the data came from, what it holds, and the settings that change results
     * (the models among them).
     *
     * @param source   the data's origin (canonical paths, or the embedded default's configuration)
     * @param contents hash over every input file's path and content (SHA-256 of its bytes)
     * @param settings the options that shape results, by name
     * @param version  {@link #FINGERPRINT_VERSION} for a fingerprint of this code; older files read as 1
     */
    public record Fingerprint(String source, String contents, Map<String, String> settings, int version) {
        public Fingerprint {
            settings = Map.copyOf(new TreeMap<>(settings));
        }

        public Fingerprint(String source, String contents, Map<String, String> settings) {
            this(source, contents, settings, FINGERPRINT_VERSION);
        }

        /** A fingerprint over {@code files}: each path and the hash of its bytes (an unreadable file counts as such). */
        public static Fingerprint of(String source, List<Path> files, Map<String, String> settings) {
            List<Path> sorted = files.stream().map(f -> f.toAbsolutePath().normalize()).sorted().toList();
            List<String> hashes = sorted.parallelStream().map(f -> {
                try {
                    return ArrayCache.contentHash(f);
                } catch (UncheckedIOException e) {
                    return "unreadable"; // preparation names and skips it
                }
            }).toList();
            MessageDigest sha = sha256();
            for (int i = 0; i < sorted.size(); i++) {
                sha.update(sorted.get(i).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(hashes.get(i).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return new Fingerprint(source, HexFormat.of().formatHex(sha.digest()), settings);
        }

        /** Whether both describe the same run: same source and settings, whatever the data's content now. */
        boolean sameRunAs(Fingerprint other) {
            return version == other.version && source.equals(other.source) && settings.equals(other.settings);
        }

        /** 8 hex digits of the source and settings: the suffix of this run's folder when the plain name is taken. */
        String tag() {
            MessageDigest sha = sha256();
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            settings.forEach((k, v) -> sha.update(("\n" + k + "=" + v).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        }

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("fingerprint", Integer.toString(version));
            p.setProperty("source", source);
            p.setProperty("contents", contents);
            settings.forEach((k, v) -> p.setProperty("setting." + k, v));
            return p;
        }

        static Fingerprint fromProperties(Properties p) {
            Map<String, String> settings = new TreeMap<>();
            for (String k : p.stringPropertyNames()) if (k.startsWith("setting.")) settings.put(k.substring(8), p.getProperty(k));
            int version;
            try {
                version = Integer.parseInt(p.getProperty("fingerprint", "1").strip());
            } catch (NumberFormatException e) {
                version = 0;
            }
            return new Fingerprint(Objects.requireNonNullElse(p.getProperty("source"), ""),
                    Objects.requireNonNullElse(p.getProperty("contents"), ""), settings, version);
        }

        /** What differs from {@code earlier}, for a user: the data, or the settings with both values. */
        String differenceFrom(Fingerprint earlier) {
            if (earlier.version != version) {
                return "an earlier GenreBench, whose fingerprint (file sizes and dates) cannot vouch for this data";
            }
            List<String> diffs = new ArrayList<>();
            if (!source.equals(earlier.source)) diffs.add("other data (" + earlier.source + ")");
            else if (!contents.equals(earlier.contents)) diffs.add("changed data (files added, removed or changed)");
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
    private final Path build;
    private final String name;
    private final Held held;
    private final Path createdRoot;
    private final String note;
    private boolean complete;

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

    /**
     * @param dir         where the results end up
     * @param build       where this run writes them: {@code dir}, or its {@code .next} sibling until {@link #complete}
     * @param createdRoot the outermost folder this claim created (removed again if the run leaves nothing), or null
     * @param note        a line for the user about the folder chosen, or null
     */
    private RunFolder(Path dir, Path build, String name, Held held, Path createdRoot, String note) {
        this.dir = dir;
        this.build = build;
        this.name = name;
        this.held = held;
        this.createdRoot = createdRoot;
        this.note = note;
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
     * e.g. a {@code -tuned} suffix): the plain folder when it is free or holds a run of the same source and
     * settings, else the folder suffixed with {@link Fingerprint#tag()}. Locks it, checks {@code --resume} against
     * the fingerprint stored there, and decides where the run writes (see the class comment).
     *
     * @return the claimed folder; its {@link #name} is the data name to run under, {@link #buildDir} where to write
     */
    public static RunFolder claim(Path out, String name, UnaryOperator<String> folderName, Fingerprint fingerprint,
                                  boolean resume) {
        Path plain = out.resolve(folderName.apply(name));
        String chosen = name;
        String note = null;
        Fingerprint inPlain = stored(plain);
        if (holdsRun(plain) && (inPlain == null || !fingerprint.sameRunAs(inPlain))) {
            chosen = name + "-" + fingerprint.tag();
            String why = inPlain == null ? "a run without a fingerprint (an earlier GenreBench)"
                    : "a run of " + fingerprint.differenceFrom(inPlain);
            if (resume && !holdsRun(out.resolve(folderName.apply(chosen)))) {
                throw new UserException("--resume: " + plain + " holds " + why + ", and no run of these data and settings"
                        + " was started; run without --resume to start one (it goes to its own folder)");
            }
            note = plain.getFileName() + " holds " + why + "; this run goes to " + out.resolve(folderName.apply(chosen));
        }
        Path dir = out.resolve(folderName.apply(chosen));
        Path createdRoot = firstMissing(dir);
        Held held = lock(dir);
        try {
            Fingerprint stored = stored(dir);
            Path next = dir.resolveSibling("." + dir.getFileName() + ".next");
            Path build = dir;
            if (resume) {
                if (fingerprint.equals(stored(next))) build = next; // an interrupted rerun: continue it
                else requireSameRun(dir, stored, fingerprint);
            } else if (holdsRun(dir)) {
                build = next;
                deleteTree(next);
            }
            if (!fingerprint.equals(stored(build))) {
                StringWriter text = new StringWriter();
                fingerprint.toProperties().store(text, "what this run's results depend on; --resume checks it");
                AtomicFiles.writeString(build.resolve(FINGERPRINT_FILE), text.toString());
            }
            return new RunFolder(dir, build, chosen, held, createdRoot, note);
        } catch (IOException | RuntimeException e) {
            held.close();
            removeIfNothingKept(dir, createdRoot);
            if (e instanceof RuntimeException re) throw re;
            throw new UserException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The data name the run goes under (the folder is this plus the run's suffixes). */
    public String name() {
        return name;
    }

    /** Where the results are once the run is complete. */
    public Path dir() {
        return dir;
    }

    /** Where the run writes: {@link #dir()}, or a hidden sibling moved into its place by {@link #complete}. */
    public Path buildDir() {
        return build;
    }

    /** A line for the user when the run does not go to the folder its data is named after, else null. */
    public String note() {
        return note;
    }

    /**
     * Marks the run complete: a run built beside an earlier one replaces it now, keeping the files the run does not
     * write (notes a user put there).
     *
     * @return the folder holding the results
     */
    public Path complete() throws IOException {
        if (build.equals(dir)) {
            deleteTree(dir.resolveSibling("." + dir.getFileName() + ".next")); // a rerun given up for this one
        } else {
            Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
            deleteTree(old);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (!RUN_OUTPUTS.matcher(n).matches() && !Files.exists(build.resolve(n))) move(p, build.resolve(n));
                }
            }
            move(dir, old);
            try {
                move(build, dir);
            } catch (IOException e) {
                if (!Files.exists(dir)) move(old, dir);
                throw new UserException("cannot move the finished run from " + build + " to " + dir + " ("
                        + e.getMessage() + "); its results are in " + build, e);
            }
            deleteTree(old);
        }
        complete = true;
        return dir;
    }

    /** Whether {@code dir} holds (part of) a run: a fingerprint, predictions or a report. */
    private static boolean holdsRun(Path dir) {
        return Files.exists(dir.resolve(FINGERPRINT_FILE)) || Files.exists(dir.resolve("predictions"))
                || Files.exists(dir.resolve("report.md"));
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
        if (stored == null) {
            if (holdsRun(dir)) {
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

    /** The outermost of {@code dir} and its parents that does not exist yet, or null. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) missing = p;
        return missing;
    }

    /**
     * After a run that did not complete: a folder it built is removed unless it holds finished folds (which
     * {@code --resume} continues), and so are the folders the claim created, when that leaves them empty.
     */
    private static void removeIfNothingKept(Path folder, Path createdRoot) {
        try {
            if (hasFolds(folder)) return;
            if (createdRoot != null || folder.getFileName().toString().endsWith(".next")) deleteTree(folder);
            for (Path p = folder.toAbsolutePath().normalize().getParent(); createdRoot != null && p != null
                    && p.startsWith(createdRoot); p = p.getParent()) {
                try (Stream<Path> s = Files.list(p)) {
                    if (s.findAny().isPresent()) break;
                }
                Files.delete(p);
            }
        } catch (IOException ignored) {
            // best effort: what stays is an empty folder, never a result
        }
    }

    private static boolean hasFolds(Path folder) throws IOException {
        Path predictions = folder.resolve("predictions");
        if (!Files.isDirectory(predictions)) return false;
        try (Stream<Path> s = Files.walk(predictions)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Releases the lock (the lock file stays; only a held lock counts). A run that did not {@link #complete} leaves
     * no folder of its own behind unless it finished folds that {@code --resume} can continue.
     */
    @Override
    public void close() {
        held.close();
        if (complete) return;
        if (!build.equals(dir)) removeIfNothingKept(build, null);
        else removeIfNothingKept(dir, createdRoot);
    }
}
