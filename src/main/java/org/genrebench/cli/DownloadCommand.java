package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.genrebench.dataset.download.Checksum;
import org.genrebench.dataset.download.GtzanDownload;
import org.genrebench.dataset.download.HttpDownloader;
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

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads a dataset (gtzan) with checksum verification and resume.")
final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset; only 'gtzan' is known.")
    String dataset;

    @Option(names = "--to", required = true, description = "Folder to place the dataset in (it ends up in <DIR>/genres).")
    Path to;

    @Option(names = "--url", description = "Another mirror of genres.tar.gz (default: the marsyas mirror).")
    URI url;

    @Option(names = "--sha256", description = "Expected SHA-256 of the archive.")
    String sha256;

    @Option(names = "--md5", description = "Expected MD5 of the archive (the default mirror's is built in).")
    String md5;

    @Option(names = "--attempts", defaultValue = "5", description = "Tries before giving up; each resumes the last (default ${DEFAULT-VALUE}).")
    int attempts;

    @Override
    public Integer call() throws Exception {
        if (!dataset.equals("gtzan")) throw new UserException("unknown dataset '" + dataset + "'; known: gtzan");
        OptionChecks.atLeast("--attempts", attempts, 1);
        OptionChecks.writableDirectory("--to", to);
        List<URI> sources = url == null ? GtzanDownload.MIRRORS : List.of(url);
        Optional<Checksum> checksum = sha256 != null ? Optional.of(Checksum.sha256(sha256))
                : md5 != null ? Optional.of(Checksum.md5(md5))
                : url == null ? Optional.of(GtzanDownload.DEFAULT_CHECKSUM) : Optional.empty();
        if (checksum.isEmpty()) spec.commandLine().getErr().println("warning: no --sha256/--md5 given, the archive will not be verified");

        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("gtzan").setUnit("MiB", 1 << 20).showSpeed().build()) {
            HttpDownloader.Progress progress = (bytes, total) -> {
                if (total > 0) bar.maxHint(total);
                bar.stepTo(bytes);
            };
            var outcome = GtzanDownload.fetchFirst(to, sources, checksum, new HttpDownloader(attempts), progress,
                    spec.commandLine().getErr()::println);
            spec.commandLine().getOut().println(outcome == GtzanDownload.Outcome.ALREADY_PRESENT
                    ? "GTZAN is already in " + to.resolve("genres") + "; nothing to do"
                    : "GTZAN is ready in " + to.resolve("genres"));
        }
        return 0;
    }
}
