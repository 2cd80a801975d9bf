package org.genrebench.dataset.download;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.genrebench.dataset.download.TestArchives.filesUnder;
import static org.junit.jupiter.api.Assertions.*;

/** FMA's .zip archives with SHA-1 sums, against a server on 127.0.0.1 only. */
class FmaDownloadTest {
    @TempDir
    Path dir;

    private static byte[] smallZip() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("fma_small/README.txt", "readme");
        entries.put("fma_small/000/000002.mp3", TestArchives.incompressible(2));
        return TestArchives.zip(entries);
    }

    private static Checksum sha1(byte[] content) throws Exception {
        return TestArchives.checksumOf("SHA-1", content);
    }

    @Test
    void metadataAndAudioUnpackSideBySide() throws Exception {
        byte[] metadata = TestArchives.zip(Map.of("fma_metadata/tracks.csv", "track_id\n"));
        byte[] small = smallZip();
        try (LoopbackServer metaServer = new LoopbackServer(metadata); LoopbackServer smallServer = new LoopbackServer(small)) {
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, DatasetArchive.FMA_METADATA.fetch(dir, metaServer.url(),
                    Optional.of(sha1(metadata)), new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertEquals(DatasetArchive.Outcome.DOWNLOADED, DatasetArchive.FMA_SMALL.fetch(dir, smallServer.url(),
                    Optional.of(sha1(small)), new HttpDownloader(1), HttpDownloader.Progress.NONE));
        }
        // the layout the FMA loader looks for: DIR/fma_small/<NNN>/ beside DIR/fma_metadata/tracks.csv; archives gone
        assertEquals(List.of("fma_metadata/tracks.csv", "fma_small/000/000002.mp3", "fma_small/README.txt"), filesUnder(dir));
        assertEquals(Optional.of(DatasetArchive.FMA_METADATA), DatasetArchive.FMA_SMALL.needs());
    }

    @Test
    void sha1MismatchIsNamedAndLeavesNothing() throws Exception {
        byte[] small = smallZip();
        String wrong = "1".repeat(40);
        try (LoopbackServer server = new LoopbackServer(small)) {
            UserException e = assertThrows(UserException.class, () -> DatasetArchive.FMA_SMALL.fetch(dir, server.url(),
                    Optional.of(Checksum.sha1(wrong)), new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertTrue(e.getMessage().contains("is corrupt") && e.getMessage().contains("SHA-1 is " + sha1(small).hex())
                    && e.getMessage().contains("should be " + wrong), e.getMessage());
        }
        assertEquals(List.of(), filesUnder(dir));
    }

    @Test
    void interruptedDownloadResumesThenUnpacks() throws Exception {
        byte[] small = smallZip();
        try (LoopbackServer server = new LoopbackServer(small)) {
            server.cutFirstResponseAfter = small.length / 2;
            assertThrows(UserException.class, () -> DatasetArchive.FMA_SMALL.fetch(dir, server.url(), Optional.of(sha1(small)),
                    new HttpDownloader(1), HttpDownloader.Progress.NONE));
            long kept = Files.size(HttpDownloader.partFile(dir.resolve("fma_small.zip")));
            assertTrue(kept > 0 && kept <= small.length / 2, "kept " + kept);

            assertEquals(DatasetArchive.Outcome.DOWNLOADED, DatasetArchive.FMA_SMALL.fetch(dir, server.url(),
                    Optional.of(sha1(small)), new HttpDownloader(1), HttpDownloader.Progress.NONE));
            assertEquals(List.of("null", "bytes=" + kept + "-"), server.rangeHeaders);
        }
        assertEquals(List.of("fma_small/000/000002.mp3", "fma_small/README.txt"), filesUnder(dir));
    }

    @Test
    void zipEntriesEscapingTheDestinationAreRefused() throws Exception {
        Path archive = dir.resolve("evil.zip");
        Files.write(archive, TestArchives.zip(Map.of("../evil.txt", "x")));
        Path to = dir.resolve("out");
        UserException e = assertThrows(UserException.class, () -> ArchiveExtractor.extract(archive, to));
        assertTrue(e.getMessage().contains("points outside the destination"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertEquals(List.of(), filesUnder(to));
    }

    @Test
    void officialArchivesAndSumsFromFmasReadme() {
        assertEquals("https://os.unil.cloud.switch.ch/fma/fma_small.zip", DatasetArchive.FMA_SMALL.mirrors().getFirst().toString());
        assertEquals("SHA-1:ade154f733639d52e35e32f5593efe5be76c6d70", DatasetArchive.FMA_SMALL.checksum().toString());
    }
}
