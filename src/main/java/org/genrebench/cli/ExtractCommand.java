package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.feature.SpectralParams;
import org.genrebench.util.UserException;
import org.genrebench.experiment.ClusterEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extracts the 58 handcrafted features (community GTZAN schema) to CSV.",
                "One row per track, or per chunk with --chunk-seconds (3 s = 66149 samples, as the community 3-second table);"
                        + " rows are named <track>.<k>.wav. The label is the track's folder name. Unreadable files are skipped and listed."})
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of tracks, <genre>/<track>.wav WAV or .au (resampled to 22050 Hz when needed).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|DIR",
            description = "CSV file to write; with --engine spark a folder: features.csv, features.parquet, skipped.csv and the"
                    + " content-keyed rows a re-run reuses.")
    Path out;

    @Option(names = "--chunk-seconds", paramLabel = "S", description = "Cut each track into chunks of S seconds (round(S*sr) - 1 samples; 3 -> 66149).")
    Double chunkSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws IOException {
        int chunk = 0;
        if (chunkSeconds != null) {
            if (!(chunkSeconds > 0)) throw new UserException("--chunk-seconds must be positive: " + chunkSeconds);
            chunk = (int) Math.round(chunkSeconds * SpectralParams.DEFAULT.sampleRate()) - 1;
        }
        List<Path> files = FeatureTableWriter.audioFiles(data);
        if (files.isEmpty()) throw new UserException("no .wav or .au files under " + data);
        if (engine.distributed()) return extractOnCluster(files, chunk);
        FeatureTableWriter.Result result;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("extract").setInitialMax(files.size())
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            result = FeatureTableWriter.extract(files, chunk, threads, n -> {
                synchronized (bar) {
                    bar.stepBy(n);
                }
            });
        }
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out)) {
            FeatureTableWriter.write(result.rows(), w);
        }
        System.err.printf("wrote %d rows from %d files to %s%n", result.rows().size(), files.size() - result.skipped().size(), out);
        printSkipped(result.skipped());
        return 0;
    }

    private int extractOnCluster(List<Path> files, int chunk) {
        ClusterEngine.Extraction x;
        try (ClusterEngine cluster = engine.open()) {
            System.err.printf("extract: %d files on %s%n", files.size(), cluster.describe());
            x = cluster.extract(files, chunk, out);
        }
        System.err.printf("wrote %d rows from %d files (%d reused from %s) to %s%n", x.rows(), x.files() - x.skipped().size(),
                x.reused(), out, x.csv());
        printSkipped(x.skipped());
        return 0;
    }

    private static void printSkipped(List<FeatureTableWriter.Skipped> skipped) {
        if (skipped.isEmpty()) return;
        System.err.printf("skipped %d unreadable file(s):%n", skipped.size());
        for (FeatureTableWriter.Skipped s : skipped) System.err.println("  " + s.file() + ": " + s.reason());
    }
}
