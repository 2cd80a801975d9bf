package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import org.genrebench.dataset.download.Checksum;
import org.genrebench.dataset.download.DatasetArchive;
import org.genrebench.dataset.download.HttpDownloader;
import org.genrebench.dataset.download.RemoteFile;
import org.genrebench.model.pretrained.MusicnnWeights;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads a dataset (gtzan, fma-metadata, fma-small, fma-medium) or the pre-trained musicnn models "
                + "(musicnn) with checksum verification and resume.")
final class DownloadCommand implements Callable<Integer> {
    /** The name that fetches the pre-trained musicnn models instead of a dataset. */
    static final String MUSICNN = "musicnn";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET",
            description = "gtzan (into <DIR>/genres), fma-metadata, fma-small or fma-medium (into <DIR>/fma_<part>; "
                    + "fma-small and fma-medium fetch fma-metadata too, which holds their labels), or musicnn (the four "
                    + "pre-trained musicnn models MSD_musicnn, MTT_musicnn, MSD_vgg, MTT_vgg as <DIR>/<name>.h5, 11 MB; "
                    + "the default folder they are read from is data/models/musicnn).")
    String dataset;

    @Option(names = "--to", required = true, description = "Folder to place the dataset in.")
    Path to;

    @Option(names = "--url", description = "Another mirror of the dataset's archive (default: its official hosts); "
            + "for musicnn, a folder URL holding the four .h5 files.")
    URI url;

    @Option(names = "--sha256", description = "Expected SHA-256 of the archive.")
    String sha256;

    @Option(names = "--sha1", description = "Expected SHA-1 of the archive.")
    String sha1;

    @Option(names = "--md5", description = "Expected MD5 of the archive.")
    String md5;

    @Option(names = "--attempts", defaultValue = "5", description = "Tries before giving up; each resumes the last (default ${DEFAULT-VALUE}).")
    int attempts;

    @Override
    public Integer call() throws Exception {
        if (dataset.equals(MUSICNN)) return downloadMusicnn();
        DatasetArchive target = DatasetArchive.KNOWN.stream().filter(d -> d.name().equals(dataset)).findFirst()
                .orElseThrow(() -> new UserException("unknown dataset '" + dataset + "'; known: "
                        + DatasetArchive.KNOWN.stream().map(DatasetArchive::name).collect(Collectors.joining(", ")) + ", " + MUSICNN));
        OptionChecks.atLeast("--attempts", attempts, 1);
        OptionChecks.httpUrl("--url", url);
        OptionChecks.writableDirectory("--to", to);
        Optional<Checksum> given = sha256 != null ? Optional.of(Checksum.sha256(sha256))
                : sha1 != null ? Optional.of(Checksum.sha1(sha1))
                : md5 != null ? Optional.of(Checksum.md5(md5)) : Optional.empty();
        if (url != null && given.isEmpty()) {
            spec.commandLine().getErr().println("warning: no --sha256/--sha1/--md5 given, the archive will not be verified");
        }
        HttpDownloader downloader = new HttpDownloader(attempts);
        Path created = OptionChecks.outermostMissing(to);
        try {
            for (DatasetArchive needed : target.needs().stream().toList()) {
                fetch(needed, needed.mirrors(), Optional.of(needed.checksum()), downloader);
            }
            List<URI> sources = url == null ? target.mirrors() : List.of(url);
            fetch(target, sources, given.isPresent() || url != null ? given : Optional.of(target.checksum()), downloader);
        } catch (Exception e) {
            OptionChecks.removeCreated(to, created); // a partial archive stays, to resume
            throw e;
        }
        return 0;
    }

    /** The pre-trained musicnn models, each checked against its published SHA-256. */
    private int downloadMusicnn() throws Exception {
        if (sha256 != null || sha1 != null || md5 != null) {
            throw new UserException("--sha256, --sha1 and --md5 are for dataset archives; the musicnn models are checked against their published SHA-256");
        }
        OptionChecks.atLeast("--attempts", attempts, 1);
        OptionChecks.writableDirectory("--to", to);
        String base = url == null ? MusicnnWeights.BASE_URL : url.toString().endsWith("/") ? url.toString() : url + "/";
        HttpDownloader downloader = new HttpDownloader(attempts);
        for (MusicnnWeights model : MusicnnWeights.values()) {
            RemoteFile file = model.remoteFile(base);
            try (ProgressBar bar = ConsoleProgress.mebibytes(model.id())) {
                var outcome = file.fetch(to, downloader, (bytes, total) -> {
                    if (total > 0) bar.maxHint(total);
                    bar.stepTo(bytes);
                });
                spec.commandLine().getOut().println(outcome == DatasetArchive.Outcome.ALREADY_PRESENT
                        ? file.fileName() + " is already in " + to + "; nothing to do"
                        : file.fileName() + " is ready in " + to);
            }
        }
        return 0;
    }

    private void fetch(DatasetArchive archive, List<URI> sources, Optional<Checksum> checksum, HttpDownloader downloader) throws Exception {
        Path folder = to.resolve(archive.folder());
        try (ProgressBar bar = ConsoleProgress.mebibytes(archive.name())) {
            HttpDownloader.Progress progress = (bytes, total) -> {
                if (total > 0) bar.maxHint(total);
                bar.stepTo(bytes);
            };
            var outcome = archive.fetchFirst(to, sources, checksum, downloader, progress, spec.commandLine().getErr()::println);
            spec.commandLine().getOut().println(outcome == DatasetArchive.Outcome.ALREADY_PRESENT
                    ? archive.name() + " is already in " + folder + "; nothing to do"
                    : archive.name() + " is ready in " + folder);
        }
    }
}
