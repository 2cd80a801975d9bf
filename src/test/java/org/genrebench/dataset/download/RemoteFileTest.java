package org.genrebench.dataset.download;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A single published file (a model) against a server on 127.0.0.1 only. */
class RemoteFileTest {
    @TempDir
    Path dir;

    private static byte[] content() {
        return TestArchives.incompressible(3).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void downloadsOnceAndKeepsAVerifiedFile() throws Exception {
        byte[] content = content();
        try (LoopbackServer server = new LoopbackServer(content)) {
            RemoteFile file = new RemoteFile("model.h5", server.url(), TestArchives.checksumOf("SHA-256", content));
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, file.fetch(dir, new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertArrayEquals(content, Files.readAllBytes(dir.resolve("model.h5")));
            assertEquals(DatasetArchive.Outcome.ALREADY_PRESENT, file.fetch(dir, new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertEquals(1, server.rangeHeaders.size(), "a verified file is not fetched again");

            Files.write(dir.resolve("model.h5"), new byte[]{1, 2, 3}); // damaged copy: replaced
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, file.fetch(dir, new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertArrayEquals(content, Files.readAllBytes(dir.resolve("model.h5")));
        }
    }

    @Test
    void anInterruptedDownloadResumesAndAWrongOneLeavesNothing() throws Exception {
        byte[] content = content();
        try (LoopbackServer server = new LoopbackServer(content)) {
            server.cutFirstResponseAfter = content.length / 3;
            RemoteFile file = new RemoteFile("model.h5", server.url(), TestArchives.checksumOf("SHA-256", content));
            UserException cut = assertThrows(UserException.class, () -> file.fetch(dir, new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertTrue(cut.getMessage().contains("run again to resume"), cut.getMessage());
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, file.fetch(dir, new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertEquals("null", server.rangeHeaders.get(0));
            assertTrue(server.rangeHeaders.get(1).matches("bytes=[1-9]\\d*-"), "the second request resumes: " + server.rangeHeaders);
            assertArrayEquals(content, Files.readAllBytes(dir.resolve("model.h5")));

            RemoteFile wrong = new RemoteFile("other.h5", server.url(), Checksum.sha256("0".repeat(64)));
            UserException e = assertThrows(UserException.class, () -> wrong.fetch(dir, new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
            assertEquals(List.of("model.h5"), TestArchives.filesUnder(dir));
        }
    }
}
