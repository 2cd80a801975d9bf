package org.genrebench.cli;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every command runs on its options before any work starts: numbers in range, lists without holes or
 * repeats, input files that exist, output places that can really be written. Each failure is one
 * {@link UserException} naming the option, so a misuse costs the user nothing but one {@code error:} line.
 */
final class OptionChecks {
    /**
     * Shortest feature chunk: tempo and the per-chunk variances need a few dozen frames; {@code 0.001} would cut a
     * 30-s track into 30 000 rows of noise.
     */
    static final double MIN_CHUNK_SECONDS = 1.0;

    private OptionChecks() {
    }

    /** {@code value} (null: not given) is at least {@code min}. */
    static void atLeast(String option, Number value, long min) {
        if (value != null && value.longValue() < min) {
            throw new UserException(option + " must be at least " + min + ", got " + value);
        }
    }

    /** A finite number in [{@code min}, {@code max}]. */
    static void inRange(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new UserException(String.format(Locale.ROOT, "%s must be between %s and %s, got %s", option,
                    plain(min), plain(max), plain(value)));
        }
    }

    /** A chunk length: 0 (one row per track, where {@code zeroMeansTrack}) or a finite length of at least 1 s. */
    static void chunkSeconds(String option, Double seconds, boolean zeroMeansTrack) {
        if (seconds == null || (zeroMeansTrack && seconds == 0)) return;
        if (!Double.isFinite(seconds) || seconds < MIN_CHUNK_SECONDS) {
            throw new UserException(option + " must be " + (zeroMeansTrack ? "0 (one row per track) or " : "")
                    + "a number of seconds of at least " + plain(MIN_CHUNK_SECONDS) + ", got " + plain(seconds));
        }
    }

    /**
     * Model names as given ({@code --models knn,svm}), trimmed and lower-cased: none empty, none repeated, all known.
     */
    static List<String> models(String option, List<String> names) {
        List<String> cleaned = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) cleaned.add(n.strip().toLowerCase(Locale.ROOT));
        if (cleaned.isEmpty() || cleaned.stream().allMatch(String::isEmpty)) {
            throw new UserException(option + " needs at least one model name, e.g. " + option + " knn,svm");
        }
        if (cleaned.contains("")) throw new UserException(option + " has an empty name in '" + String.join(",", names) + "'");
        Set<String> seen = new LinkedHashSet<>();
        for (String n : cleaned) {
            if (!seen.add(n)) throw new UserException(option + " names '" + n + "' twice; each model runs once");
        }
        ModelRegistry.requireKnown(cleaned);
        return List.copyOf(cleaned);
    }

    /** An address to download from: {@code http} or {@code https} with a host (null: not given). */
    static void httpUrl(String option, java.net.URI url) {
        if (url == null) return;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserException(option + " " + url + " is not a web address; give an http:// or https:// URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new UserException(option + " " + url + " names no host; give an http:// or https:// URL with a host");
        }
    }

    /**
     * An output file that would destroy input: refused when it has an audio file's extension (an output named like
     * audio would be overwritten audio, or read as audio by the next scan) or is the same file as one of
     * {@code inputs} (the audio files and manifests read; links followed).
     */
    static void notInput(String option, Path out, java.util.Collection<Path> inputs) {
        notAudio(option, out);
        if (!Files.exists(out)) return;
        for (Path in : inputs) {
            try {
                if (Files.exists(in) && Files.isSameFile(out, in)) {
                    throw new UserException(option + " " + out + " is one of the inputs" + (in.equals(out) ? "" : " (" + in + ")")
                            + "; writing there would destroy it, give another file");
                }
            } catch (IOException e) {
                // unreadable now: the scan names it; it cannot be compared, and the write will say what fails
            }
        }
    }

    /** An output file name with a recognised audio extension: refused, an output is never audio. */
    static void notAudio(String option, Path out) {
        if (org.genrebench.audio.AudioFormats.isDecoded(out) || org.genrebench.audio.AudioFormats.notDecoded(out).isPresent()) {
            throw new UserException(option + " " + out + " is named as an audio file (."
                    + org.genrebench.audio.AudioFormats.extension(out) + ")" + (Files.exists(out) ? " and exists" : "")
                    + "; this command writes no audio, give another file name");
        }
    }

    /** At most one of two alternative options. */
    static void notBoth(String a, Object aValue, String b, Object bValue) {
        if (aValue != null && bValue != null) {
            throw new UserException(a + " and " + b + " are alternatives; give one of them");
        }
    }

    /** Inputs that must exist (folders or files; what they hold is the loader's to judge). */
    static void existing(String option, List<Path> paths) {
        for (Path p : paths == null ? List.<Path>of() : paths) {
            if (!Files.exists(p)) throw new UserException(option + " " + p + " does not exist");
        }
    }

    static void readableFile(String option, Path file) {
        if (!Files.exists(file)) throw new UserException(option + " " + file + " does not exist");
        if (!Files.isRegularFile(file)) throw new UserException(option + " " + file + " is not a file");
        if (!Files.isReadable(file)) throw new UserException(option + " " + file + " cannot be read (permission denied)");
    }

    /**
     * A folder results will be written into: probed with a real file, because permission bits lie (root ignores
     * them, {@code /proc} and read-only mounts refuse whatever they say). Folders created for the probe are removed
     * again: a command that stops before writing leaves no empty folder behind.
     */
    static void writableDirectory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException(option + " " + dir + " is a file, not a folder");
        }
        Path created = createFolders(option, dir, "");
        try {
            probe(option, dir);
        } finally {
            removeCreated(dir, created);
        }
    }

    /** The outermost of {@code dir} and its parents that does not exist (null: {@code dir} exists). */
    static Path outermostMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) missing = p;
        return missing;
    }

    /** Creates {@code dir} and its missing parents; returns the outermost folder created (null: it existed). */
    private static Path createFolders(String option, Path dir, String what) {
        Path created = outermostMissing(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new UserException(option + " " + what + (what.isEmpty() ? dir + " cannot be created" : ": its folder cannot be created")
                    + " (" + reason(e) + ")");
        }
        return created;
    }

    /**
     * Removes {@code dir} and its parents up to {@code created} (from {@link #outermostMissing} before they were
     * made) while they are empty: a command that fails leaves no empty folder behind.
     */
    static void removeCreated(Path dir, Path created) {
        if (created == null) return;
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty after all: something else wrote there; leave it
            }
        }
    }

    /** A file that will be written (replaced if present): not a folder, and its folder writable. */
    static void writableFile(String option, Path file) {
        if (Files.isDirectory(file)) throw new UserException(option + " " + file + " is a folder, not a file");
        Path parent = file.toAbsolutePath().getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new UserException(option + " " + file + ": " + parent + " is a file, not a folder");
        }
        Path created = createFolders(option, parent, file.toString());
        try {
            probe(option, parent);
        } finally {
            removeCreated(parent, created);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UserException(option + " " + file + " cannot be replaced (permission denied)");
        }
    }

    private static void probe(String option, Path dir) {
        Path probe = dir.resolve(".genrebench-write-test-" + ProcessHandle.current().pid());
        try {
            Files.write(probe, new byte[]{1}, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            throw new UserException(option + " " + dir + " is not writable (" + reason(e) + ")");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // nothing was created, or the folder refuses deletes too: the write already failed
            }
        }
    }

    /** A short reason for a file-system failure, without Java class names. */
    static String reason(Exception e) {
        String simple = e.getClass().getSimpleName();
        String what = switch (simple) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or folder";
            case "FileAlreadyExistsException" -> "a file is in the way";
            case "NotDirectoryException" -> "a file is in the way";
            case "ReadOnlyFileSystemException" -> "read-only file system";
            default -> null;
        };
        if (what != null) return what;
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? simple : m;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
