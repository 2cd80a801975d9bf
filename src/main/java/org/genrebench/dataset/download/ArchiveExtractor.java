package org.genrebench.dataset.download;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a {@code .tar.gz} or {@code .zip} (chosen by the file name) safely: entries that would land outside the destination are refused, links are
 * skipped, and everything is first written to a staging folder beside the destination, so a corrupt or
 * truncated archive leaves nothing half-extracted. Only then are the top-level entries renamed into place.
 */
public final class ArchiveExtractor {
    private ArchiveExtractor() {
    }

    /** Extracts {@code archive} into {@code destDir}; returns the top-level paths created there. */
    public static List<Path> extract(Path archive, Path destDir) throws IOException {
        Files.createDirectories(destDir);
        Path staging = destDir.resolve(".extracting-" + archive.getFileName());
        deleteRecursively(staging);
        try {
            Files.createDirectories(staging);
            if (archive.getFileName().toString().endsWith(".zip")) unpackZip(archive, staging);
            else unpackTarGz(archive, staging);
            return moveTopLevel(staging, destDir);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) throw u;
            throw new UserException("cannot extract " + archive + ": " + e.getMessage() + " (nothing was extracted)", e);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void unpackTarGz(Path archive, Path staging) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextTarEntry()) != null; ) {
                Path target = safeTarget(archive, staging, entry.getName());
                if (target == null) continue;
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                } // links and devices are skipped: a dataset needs neither, and links could escape the folder
            }
        }
    }

    /** Reads the central directory (random access), which handles ZIP64 archives of several GB such as FMA's. */
    private static void unpackZip(Path archive, Path staging) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                Path target = safeTarget(archive, staging, entry.getName());
                if (target == null) continue;
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (!entry.isUnixSymlink()) { // links are skipped, as in tar archives
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    /** Where {@code name} lands under {@code staging}; null for the staging folder itself ("./"). */
    private static Path safeTarget(Path archive, Path staging, String name) {
        Path target = staging.resolve(name).normalize();
        if (target.equals(staging)) return null;
        if (!target.startsWith(staging)) {
            throw new UserException("refusing to extract " + archive + ": entry '" + name + "' points outside the destination");
        }
        return target;
    }

    private static List<Path> moveTopLevel(Path staging, Path destDir) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(staging)) {
            entries = s.sorted().toList();
        }
        for (Path entry : entries) {
            Path target = destDir.resolve(entry.getFileName());
            if (Files.exists(target)) throw new UserException("cannot extract into " + destDir + ": " + target + " already exists");
        }
        List<Path> placed = new ArrayList<>();
        for (Path entry : entries) {
            Path target = destDir.resolve(entry.getFileName());
            AtomicFiles.move(entry, target);
            placed.add(target);
        }
        return placed;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
