package org.genrebench.dataset.download;

import org.genrebench.util.UserException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A dataset published as one archive that unpacks into one folder: where it is fetched from, its published checksum,
 * and what it must contain. {@link #needs} names an archive that has to sit beside it (FMA's audio is labelled only
 * by {@code fma_metadata/tracks.csv}).
 *
 * @param archiveName the file name the archive is saved under while it is downloaded and verified
 * @param folder      the top-level folder the archive unpacks into, {@code <to>/<folder>}
 */
public record DatasetArchive(String name, String archiveName, String folder, List<URI> mirrors, Checksum checksum,
                             Optional<DatasetArchive> needs) {
    /**
     * The marsyas {@code genres.tar.gz}, in order from the Hugging Face copy (same bytes, same md5) and the marsyas
     * host that torchaudio and most papers name; the md5 is torchaudio's.
     */
    public static final DatasetArchive GTZAN = new DatasetArchive("gtzan", "genres.tar.gz", "genres", List.of(
            URI.create("https://huggingface.co/datasets/marsyas/gtzan/resolve/main/data/genres.tar.gz"),
            URI.create("http://opihi.cs.uvic.ca/sound/genres.tar.gz")),
            Checksum.md5("5b3d6dddb579ab49814ab86dba69e7c7"), Optional.empty());
    /** FMA's archives and SHA-1 sums as published in its README (github.com/mdeff/fma). */
    public static final DatasetArchive FMA_METADATA = fma("metadata", "f0df49ffe5f2a6008d7dc83c6915b31835dfe733", Optional.empty());
    public static final DatasetArchive FMA_SMALL = fma("small", "ade154f733639d52e35e32f5593efe5be76c6d70", Optional.of(FMA_METADATA));
    public static final DatasetArchive FMA_MEDIUM = fma("medium", "c67b69ea232021025fca9231fc1c7c1a063ab50b", Optional.of(FMA_METADATA));
    /** What the {@code download} command knows, by {@link #name}. */
    public static final List<DatasetArchive> KNOWN = List.of(GTZAN, FMA_METADATA, FMA_SMALL, FMA_MEDIUM);

    private static DatasetArchive fma(String part, String sha1, Optional<DatasetArchive> needs) {
        String folder = "fma_" + part;
        return new DatasetArchive("fma-" + part, folder + ".zip", folder,
                List.of(URI.create("https://os.unil.cloud.switch.ch/fma/" + folder + ".zip")), Checksum.sha1(sha1), needs);
    }

    /** What happened, for the command's message. */
    public enum Outcome { ALREADY_PRESENT, DOWNLOADED }

    /**
     * Downloads (resuming a previous attempt), verifies, extracts to {@code <to>/<folder>} and removes the archive.
     * Does nothing when {@code <to>/<folder>} already exists.
     */
    public Outcome fetch(Path to, URI url, Optional<Checksum> expected, HttpDownloader downloader,
                         HttpDownloader.Progress progress) throws IOException, InterruptedException {
        if (Files.isDirectory(to.resolve(folder))) return Outcome.ALREADY_PRESENT;
        if (Files.exists(to) && !Files.isDirectory(to)) throw new UserException(to + " exists and is not a folder");
        Path archive = to.resolve(archiveName);
        if (Files.exists(archive) && !matches(archive, expected)) Files.delete(archive); // left by an earlier run
        if (!Files.exists(archive)) downloader.download(url, archive, expected, progress);
        ArchiveExtractor.extract(archive, to);
        if (!Files.isDirectory(to.resolve(folder))) {
            throw new UserException(url + " did not contain a " + folder + "/ folder; the extracted files are in " + to);
        }
        Files.delete(archive);
        return Outcome.DOWNLOADED;
    }

    /** {@link #fetch} from the first of {@code urls} that works; each failure but the last is passed to {@code warn}. */
    public Outcome fetchFirst(Path to, List<URI> urls, Optional<Checksum> expected, HttpDownloader downloader,
                              HttpDownloader.Progress progress, Consumer<String> warn) throws IOException, InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return fetch(to, urls.get(i), expected, downloader, progress);
            } catch (UserException | IOException e) {
                if (i + 1 == urls.size()) throw e;
                warn.accept("warning: " + e.getMessage() + "; trying " + urls.get(i + 1));
            }
        }
    }

    private static boolean matches(Path archive, Optional<Checksum> expected) throws IOException {
        return expected.isEmpty() || expected.get().digestOf(archive).equals(expected.get().hex());
    }
}
