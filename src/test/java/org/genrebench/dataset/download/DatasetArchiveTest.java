package org.genrebench.dataset.download;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.genrebench.dataset.download.TestArchives.filesUnder;
import static org.junit.jupiter.api.Assertions.*;

/** Everything runs against a server on 127.0.0.1; no other address is ever contacted. */
class DatasetArchiveTest {
    private static final DatasetArchive GTZAN = DatasetArchive.GTZAN;

    @TempDir
    Path dir;

    private static byte[] archive() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("genres/blues/blues.00000.wav", "blues");
        entries.put("genres/jazz/jazz.00000.wav", TestArchives.incompressible(1));
        return TestArchives.tarGz(entries);
    }

    private static Checksum sha256(byte[] content) throws Exception {
        return TestArchives.checksumOf("SHA-256", content);
    }

    @Test
    void downloadsVerifiesAndExtracts() throws Exception {
        byte[] content = archive();
        try (LoopbackServer server = new LoopbackServer(content)) {
            Path to = dir.resolve("gtzan");
            var outcome = GTZAN.fetch(to, server.url(), Optional.of(sha256(content)), new HttpDownloader(1), HttpDownloader.Progress.NONE);
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, outcome);
            assertEquals(List.of("genres/blues/blues.00000.wav", "genres/jazz/jazz.00000.wav"), filesUnder(to));
            assertEquals("blues", Files.readString(to.resolve("genres/blues/blues.00000.wav")));
            assertEquals(DatasetArchive.Outcome.ALREADY_PRESENT,
                    GTZAN.fetch(to, server.url(), Optional.empty(), new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertEquals(1, server.rangeHeaders.size(), "second fetch must not download again");
        }
    }

    @Test
    void aDeadMirrorFallsBackToTheNext() throws Exception {
        byte[] content = archive();
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again below: connections are refused
        }
        List<String> warnings = new java.util.ArrayList<>();
        try (LoopbackServer server = new LoopbackServer(content)) {
            Path to = dir.resolve("gtzan");
            java.net.URI dead = java.net.URI.create("http://127.0.0.1:" + deadPort + "/genres.tar.gz");
            var outcome = GTZAN.fetchFirst(to, List.of(dead, server.url()), Optional.of(sha256(content)),
                    new HttpDownloader(1), HttpDownloader.Progress.NONE, warnings::add);
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, outcome);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.getFirst().contains(dead.toString()) && warnings.getFirst().endsWith("; trying " + server.url()), warnings.toString());
        }
        assertThrows(org.genrebench.util.UserException.class, () -> GTZAN.fetchFirst(dir.resolve("again"),
                List.of(java.net.URI.create("http://127.0.0.1:" + deadPort + "/x.tar.gz")), Optional.empty(),
                new HttpDownloader(1), HttpDownloader.Progress.NONE, w -> {}));
        assertEquals("https://huggingface.co/datasets/marsyas/gtzan/resolve/main/data/genres.tar.gz", GTZAN.mirrors().getFirst().toString());
    }

    @Test
    void md5ChecksumsAreSupported() throws Exception {
        byte[] content = archive();
        String md5 = TestArchives.checksumOf("MD5", content).hex();
        try (LoopbackServer server = new LoopbackServer(content)) {
            Path file = dir.resolve("a.tar.gz");
            new HttpDownloader(1).download(server.url(), file, Optional.of(Checksum.md5(md5.toUpperCase())), HttpDownloader.Progress.NONE);
            assertArrayEquals(content, Files.readAllBytes(file));
        }
    }

    @Test
    void badChecksumIsRejectedAndLeavesNothingBehind() throws Exception {
        byte[] content = archive();
        try (LoopbackServer server = new LoopbackServer(content)) {
            Path to = dir.resolve("gtzan");
            Checksum wrong = Checksum.sha256("0".repeat(64));
            UserException e = assertThrows(UserException.class, () ->
                    GTZAN.fetch(to, server.url(), Optional.of(wrong), new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertTrue(e.getMessage().contains("is corrupt") && e.getMessage().contains("SHA-256"), e.getMessage());
            assertEquals(List.of(), filesUnder(to));
        }
    }

    @Test
    void truncatedArchiveWithMatchingChecksumLeavesNothingHalfExtracted() throws Exception {
        byte[] content = Arrays.copyOf(archive(), 3000);
        try (LoopbackServer server = new LoopbackServer(content)) {
            Path to = dir.resolve("gtzan");
            UserException e = assertThrows(UserException.class, () ->
                    GTZAN.fetch(to, server.url(), Optional.of(sha256(content)), new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertTrue(e.getMessage().startsWith("cannot extract " + to.resolve("genres.tar.gz")), e.getMessage());
            assertEquals(List.of("genres.tar.gz"), filesUnder(to), "only the verified archive stays, for inspection");
        }
    }

    @Test
    void entriesEscapingTheDestinationAreRefused() throws Exception {
        Path archive = dir.resolve("evil.tar.gz");
        Files.write(archive, TestArchives.tarGz(Map.of("../evil.txt", "x")));
        Path to = dir.resolve("out");
        UserException e = assertThrows(UserException.class, () -> ArchiveExtractor.extract(archive, to));
        assertTrue(e.getMessage().contains("points outside the destination"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertEquals(List.of(), filesUnder(to));
    }

    @Test
    void interruptedTransferResumesWithRange() throws Exception {
        byte[] content = archive();
        try (LoopbackServer server = new LoopbackServer(content)) {
            server.cutFirstResponseAfter = content.length / 2;
            Path file = dir.resolve("genres.tar.gz");
            UserException e = assertThrows(UserException.class, () ->
                    new HttpDownloader(1).download(server.url(), file, Optional.of(sha256(content)), HttpDownloader.Progress.NONE));
            assertTrue(e.getMessage().contains("run again to resume"), e.getMessage());
            long kept = Files.size(HttpDownloader.partFile(file)); // what arrived before the cut
            assertTrue(kept > 0 && kept <= content.length / 2, "kept " + kept);

            new HttpDownloader(1).download(server.url(), file, Optional.of(sha256(content)), HttpDownloader.Progress.NONE);
            assertEquals(List.of("null", "bytes=" + kept + "-"), server.rangeHeaders);
            assertArrayEquals(content, Files.readAllBytes(file));
            assertFalse(Files.exists(HttpDownloader.partFile(file)));
        }
    }

    @Test
    void retriesWithinOneCallAndRestartsWhenTheServerIgnoresRange() throws Exception {
        byte[] content = archive();
        try (LoopbackServer server = new LoopbackServer(content)) {
            server.cutFirstResponseAfter = 1000;
            server.ignoreRange = true; // answers 200 with the whole file: the part must be overwritten, not appended to
            Path file = dir.resolve("genres.tar.gz");
            new HttpDownloader(3).download(server.url(), file, Optional.of(sha256(content)), HttpDownloader.Progress.NONE);
            assertEquals(2, server.rangeHeaders.size());
            assertTrue(server.rangeHeaders.get(1).matches("bytes=\\d+-|null"), server.rangeHeaders.toString());
            assertArrayEquals(content, Files.readAllBytes(file));
        }
    }
}
