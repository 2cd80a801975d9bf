package org.genrebench.dataset.download;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One file published at a URL with a known checksum, kept as it is (not an archive): a pre-trained model, for
 * instance. Fetched with {@link HttpDownloader} (resumable, verified before it takes its name).
 */
public record RemoteFile(String fileName, URI url, Checksum checksum) {
    /**
     * Downloads the file to {@code dir/fileName} unless a file with the right checksum is already there; a file of
     * that name with another checksum is replaced.
     */
    public DatasetArchive.Outcome fetch(Path dir, HttpDownloader downloader, HttpDownloader.Progress progress)
            throws IOException, InterruptedException {
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target) && checksum.digestOf(target).equals(checksum.hex())) {
            return DatasetArchive.Outcome.ALREADY_PRESENT;
        }
        downloader.download(url, target, Optional.of(checksum), progress);
        return DatasetArchive.Outcome.DOWNLOADED;
    }
}
