package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.dataset.Excluded;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;
import org.genrebench.experiment.ClusterEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extracts the 58 handcrafted features (community GTZAN schema) to CSV.",
                "One row per track, or per chunk with --chunk-seconds (3 s = 66149 samples, as the community 3-second table);"
                        + " GTZAN files are named as in the community tables (blues.00000.wav, blues.00000.3.wav), others by their"
                        + " path below the dataset (rock/Album/01 Song.mp3, rock/Album/01 Song.mp3.3.wav). The label is the track's"
                        + " genre folder (or the manifest's label). Unreadable files are skipped and listed."})
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

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
        data.required();
        boolean distributed = engine.distributed();
        if (distributed) OptionChecks.writableDirectory("--out", out);
        else {
            OptionChecks.writableFile("--out", out);
            OptionChecks.notAudio("--out", out);
        }
        OptionChecks.chunkSeconds("--chunk-seconds", chunkSeconds, false);
        OptionChecks.atLeast("--threads", threads, 1);
        int chunk = chunkSeconds == null ? 0 : InputSettings.chunkSamples(chunkSeconds);
        AudioDataset dataset = data.load();
        if (!distributed) OptionChecks.notInput("--out", out, data.inputFiles(dataset));
        List<FeatureTableWriter.Input> files = dataset.tableInputs();
        if (distributed) return extractOnCluster(dataset, files, chunk);
        FeatureTableWriter.Result result;
        try (ProgressBar bar = ConsoleProgress.bar("extract", files.size())) {
            result = FeatureTableWriter.extract(files, chunk, threads, n -> {
                synchronized (bar) {
                    bar.stepBy(n);
                }
            });
        }
        AtomicFiles.writeText(out, w -> FeatureTableWriter.write(result.rows(), w));
        System.err.printf("wrote %d rows from %d files to %s%n", result.rows().size(), files.size() - result.skipped().size(), out);
        return report(dataset, result.skipped(), result.truncated());
    }

    private int extractOnCluster(AudioDataset dataset, List<FeatureTableWriter.Input> files, int chunk) {
        ClusterEngine.Extraction x;
        try (ClusterEngine cluster = engine.open()) {
            System.err.printf("extract: %d files on %s%n", files.size(), cluster.describe());
            x = cluster.extract(files, chunk, out);
        }
        System.err.printf("wrote %d rows from %d files (%d reused from %s) to %s%n", x.rows(), x.files() - x.skipped().size(),
                x.reused(), out, x.csv());
        return report(dataset, x.skipped(), List.of()); // the Spark tasks do not report truncated files apart
    }

    /** Names what was left out and skipped; exit status 1 when anything was. */
    private static int report(AudioDataset dataset, List<FeatureTableWriter.Skipped> skipped, List<FeatureTableWriter.Skipped> truncated) {
        if (!dataset.excluded().isEmpty()) {
            System.err.printf("left out %d file(s) or folder(s) of the dataset:%n", dataset.excluded().size());
            for (Excluded e : dataset.excluded()) System.err.println("  " + e);
        }
        if (!truncated.isEmpty()) {
            System.err.printf("used %d truncated file(s) as far as they go:%n", truncated.size());
            for (FeatureTableWriter.Skipped s : truncated) System.err.println("  " + s.file() + ": " + s.reason());
        }
        if (!skipped.isEmpty()) {
            System.err.printf("skipped %d unreadable file(s):%n", skipped.size());
            for (FeatureTableWriter.Skipped s : skipped) System.err.println("  " + s.file() + ": " + s.reason());
        }
        return skipped.isEmpty() && truncated.isEmpty() && dataset.excluded().isEmpty() ? 0 : 1;
    }
}
