package org.genrebench.dataset.download;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.zip.GZIPOutputStream;

/** Builds small .tar.gz and .zip archives in memory for the tests. */
final class TestArchives {
    private TestArchives() {
    }

    /** Entries in iteration order, name to text content. */
    static byte[] tarGz(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Entries in iteration order, name to text content. */
    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Random hex text, incompressible enough that a transfer of its archive can be cut midway. */
    static String incompressible(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100_000; i++) big.append(Long.toHexString(rnd.nextLong()));
        return big.toString();
    }

    /** The checksum {@code content} has in {@code algorithm}. */
    static Checksum checksumOf(String algorithm, byte[] content) throws Exception {
        return new Checksum(algorithm, HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content)));
    }

    /** Regular files under {@code root}, relative and sorted. */
    static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
