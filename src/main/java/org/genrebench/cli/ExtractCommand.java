package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.dataset.Excluded;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;
import org.genrebench.experiment.AudioPreparation;
import org.genrebench.experiment.ClusterEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrebench.experiment.EmbeddingExtraction;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.model.Family;
import org.genrebench.catalog.ModelRegistry;
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
                    + " content-keyed rows a re-run reuses (with --embedding: embeddings.csv).")
    Path out;

    @Option(names = "--chunk-seconds", paramLabel = "S", description = "Cut each track into chunks of S seconds (round(S*sr) - 1 samples; 3 -> 66149).")
    Double chunkSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--embedding", paramLabel = "MODEL[:LAYER]", description = "Write a pre-trained model's patch embeddings"
            + " instead of the 58 features: one row per patch, filename,label,patch, then MODEL:LAYER:NAME columns (e.g."
            + " msd-musicnn:max_pool; `genrebench models` lists the models and layers; default layer: the model's).")
    String embedding;

    @Option(names = "--patch-hop", paramLabel = "S", defaultValue = "3", description = "Seconds between embedding patches: 3"
            + " (musicnn's default, no overlap) or 1 (its input_overlap=1) (default: ${DEFAULT-VALUE}).")
    String patchHop;

    @Option(names = "--cache", defaultValue = "data/cache", paramLabel = "DIR", description = "Embedding cache (default: ${DEFAULT-VALUE}).")
    Path cache;

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
        EmbeddingPatches view = embedding == null ? null : embeddingView();
        if (view != null && chunkSeconds != null) throw new UserException("--embedding rows are patches; --chunk-seconds is for the 58 features");
        AudioDataset dataset = data.load();
        if (!distributed) OptionChecks.notInput("--out", out, data.inputFiles(dataset));
        if (view != null) return distributed ? embedOnCluster(dataset, view) : extractEmbedding(dataset, view);
        List<FeatureTableWriter.Input> files = dataset.tableInputs();
        if (distributed) return extractOnCluster(dataset, files, chunk);
        FeatureTableWriter.Result result;
        try (ProgressBar bar = ConsoleProgress.bar("extract", files.size())) {
            result = AudioPreparation.featureTable(files, chunk, threads, n -> {
                synchronized (bar) {
                    bar.stepBy(n);
                }
            });
        }
        AtomicFiles.writeText(out, w -> FeatureTableWriter.write(result.rows(), w));
        System.err.printf("wrote %d rows from %d files to %s%n", result.rows().size(), files.size() - result.skipped().size(), out);
        return report(dataset, result.skipped(), result.truncated());
    }

    /** The view of {@code --embedding MODEL[:LAYER]} and {@code --patch-hop}, checked against the catalogue; loads the model. */
    private EmbeddingPatches embeddingView() {
        String[] modelLayer = embedding.strip().split(":", 2);
        ModelRegistry.Entry<?> entry = ModelRegistry.entry(modelLayer[0]);
        if (entry.family() != Family.PRETRAINED) {
            throw new UserException("--embedding needs a pre-trained model (" + String.join(",", ModelRegistry.of(Family.PRETRAINED)
                    .stream().map(ModelRegistry.Entry::name).toList()) + "), got '" + modelLayer[0] + "'");
        }
        Map<String, String> params = new java.util.TreeMap<>(Map.of("hop", patchHop));
        if (modelLayer.length == 2) params.put("layer", modelLayer[1]);
        EmbeddingPatches view = (EmbeddingPatches) entry.view(InputSettings.defaults(), entry.check(params));
        view.requireModel();
        return view;
    }

    private int extractEmbedding(AudioDataset dataset, EmbeddingPatches view) throws IOException {
        EmbeddingExtraction.Result r;
        try (ProgressBar bar = ConsoleProgress.bar("extract", dataset.tracks().size())) {
            r = EmbeddingExtraction.write(dataset, view, view.columnNames(), cache, threads, out, (track, cached) -> bar.step());
        }
        System.err.printf("wrote %d %s rows from %d files to %s%n", r.rows(), view.key(), r.tracks(), out);
        List<FeatureTableWriter.Skipped> skipped = r.skipped().stream().map(s -> new FeatureTableWriter.Skipped(Path.of(s.input()), s.reason())).toList();
        return report(dataset, skipped, List.of());
    }

    /** {@code extract --embedding --engine spark}: the patches computed as cluster tasks, OUT/embeddings.csv written here. */
    private int embedOnCluster(AudioDataset dataset, EmbeddingPatches view) throws IOException {
        List<FeatureTableWriter.Input> files = dataset.tableInputs();
        List<ClusterEngine.EmbeddedFile> embedded;
        try (ClusterEngine cluster = engine.open()) {
            System.err.printf("extract --embedding %s: %d files on %s%n", view.key(), files.size(), cluster.describe());
            embedded = cluster.embed(files.stream().map(FeatureTableWriter.Input::file).toList(), view.model(), view.layer(), view.hopSeconds());
        }
        List<EmbeddingExtraction.TrackRows> tracks = new java.util.ArrayList<>();
        List<FeatureTableWriter.Skipped> skipped = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ClusterEngine.EmbeddedFile e = embedded.get(i);
            if (e.rows() == null) skipped.add(new FeatureTableWriter.Skipped(files.get(i).file(), e.skipReason()));
            else tracks.add(new EmbeddingExtraction.TrackRows(files.get(i).name(), files.get(i).label(), e.rows()));
        }
        Path csv = out.resolve("embeddings.csv");
        int rows = EmbeddingExtraction.writeTable(csv, view, view.columnNames(), tracks);
        System.err.printf("wrote %d %s rows from %d files to %s%n", rows, view.key(), tracks.size(), csv);
        return report(dataset, skipped, List.of());
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
