package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.Excluded;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.feature.SpectralParams;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extracts the 58 handcrafted features (community GTZAN schema) to CSV.",
                "One row per track, or per chunk with --chunk-seconds (3 s = 66149 samples, as the community 3-second table);"
                        + " rows are named <track>.<k>.wav. The label is the track's genre folder (or the manifest's label)."
                        + " Unreadable files are skipped and listed."})
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR|FILE.csv",
            description = "Audio dataset, repeatable (combined): a folder of <genre>/ folders, any file names, or a manifest CSV"
                    + " path,label[,group]; resampled to 22050 Hz when needed.")
    List<Path> data;

    @Option(names = "--metadata", paramLabel = "FILE",
            description = "FMA's tracks.csv for an FMA audio folder (default: DIR/../fma_metadata/tracks.csv).")
    Path metadata;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write.")
    Path out;

    @Option(names = "--chunk-seconds", paramLabel = "S", description = "Cut each track into chunks of S seconds (round(S*sr) - 1 samples; 3 -> 66149).")
    Double chunkSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        OptionChecks.existing("--data", data);
        OptionChecks.writableFile("--out", out);
        OptionChecks.chunkSeconds("--chunk-seconds", chunkSeconds, false);
        OptionChecks.atLeast("--threads", threads, 1);
        int chunk = chunkSeconds == null ? 0 : (int) Math.round(chunkSeconds * SpectralParams.DEFAULT.sampleRate()) - 1;
        AudioDataset dataset = AudioDataset.load(data, java.util.Optional.ofNullable(metadata));
        List<FeatureTableWriter.Input> files = dataset.tracks().stream()
                .map(t -> new FeatureTableWriter.Input(t.source(), t.label())).toList();
        FeatureTableWriter.Result result;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("extract").setInitialMax(files.size())
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            result = FeatureTableWriter.extract(files, chunk, threads, n -> {
                synchronized (bar) {
                    bar.stepBy(n);
                }
            });
        }
        AtomicFiles.writeText(out, w -> FeatureTableWriter.write(result.rows(), w));
        System.err.printf("wrote %d rows from %d files to %s%n", result.rows().size(), files.size() - result.skipped().size(), out);
        if (!dataset.excluded().isEmpty()) {
            System.err.printf("left out %d file(s) or folder(s) of the dataset:%n", dataset.excluded().size());
            for (Excluded e : dataset.excluded()) System.err.println("  " + e);
        }
        if (!result.truncated().isEmpty()) {
            System.err.printf("used %d truncated file(s) as far as they go:%n", result.truncated().size());
            for (FeatureTableWriter.Skipped s : result.truncated()) System.err.println("  " + s.file() + ": " + s.reason());
        }
        if (!result.skipped().isEmpty()) {
            System.err.printf("skipped %d unreadable file(s):%n", result.skipped().size());
            for (FeatureTableWriter.Skipped s : result.skipped()) System.err.println("  " + s.file() + ": " + s.reason());
        }
        return result.skipped().isEmpty() && result.truncated().isEmpty() && dataset.excluded().isEmpty() ? 0 : 1;
    }
}
