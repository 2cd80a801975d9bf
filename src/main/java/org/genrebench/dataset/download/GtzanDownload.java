package org.genrebench.dataset.download;

import org.genrebench.util.UserException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Fetches the GTZAN genre collection (the marsyas {@code genres.tar.gz}) into a folder and unpacks it. */
public final class GtzanDownload {
    /**
     * Where the original archive is fetched from, in order: the Hugging Face copy of the marsyas archive (same bytes,
     * same md5), then the marsyas host that torchaudio and most papers name.
     */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://huggingface.co/datasets/marsyas/gtzan/resolve/main/data/genres.tar.gz"),
            URI.create("http://opihi.cs.uvic.ca/sound/genres.tar.gz"));
    /** torchaudio's checksum of the archive, which every mirror serves unchanged. */
    public static final Checksum DEFAULT_CHECKSUM = Checksum.md5("5b3d6dddb579ab49814ab86dba69e7c7");
    static final String ARCHIVE_NAME = "genres.tar.gz";

    private GtzanDownload() {
    }

    /** What happened, for the command's message. */
    public enum Outcome { ALREADY_PRESENT, DOWNLOADED }

    /**
     * Downloads (resuming a previous attempt), verifies, extracts to {@code <to>/genres} and removes the archive.
     * Does nothing when {@code <to>/genres} already exists.
     */
    public static Outcome fetch(Path to, URI url, Optional<Checksum> checksum, HttpDownloader downloader,
                                HttpDownloader.Progress progress) throws IOException, InterruptedException {
        if (Files.isDirectory(to.resolve("genres"))) return Outcome.ALREADY_PRESENT;
        if (Files.exists(to) && !Files.isDirectory(to)) throw new UserException(to + " exists and is not a folder");
        Path archive = to.resolve(ARCHIVE_NAME);
        if (Files.exists(archive) && !matches(archive, checksum)) Files.delete(archive); // left by an earlier run
        if (!Files.exists(archive)) downloader.download(url, archive, checksum, progress);
        TarGzExtractor.extract(archive, to);
        if (!Files.isDirectory(to.resolve("genres"))) {
            throw new UserException(url + " did not contain a genres/ folder; the extracted files are in " + to);
        }
        Files.delete(archive);
        return Outcome.DOWNLOADED;
    }

    /** {@link #fetch} from the first of {@code urls} that works; each failure but the last is passed to {@code warn}. */
    public static Outcome fetchFirst(Path to, List<URI> urls, Optional<Checksum> checksum, HttpDownloader downloader,
                                     HttpDownloader.Progress progress, java.util.function.Consumer<String> warn)
            throws IOException, InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return fetch(to, urls.get(i), checksum, downloader, progress);
            } catch (UserException | IOException e) {
                if (i + 1 == urls.size()) throw e;
                warn.accept("warning: " + e.getMessage() + "; trying " + urls.get(i + 1));
            }
        }
    }

    private static boolean matches(Path archive, Optional<Checksum> checksum) throws IOException {
        return checksum.isEmpty() || checksum.get().digestOf(archive).equals(checksum.get().hex());
    }
}
