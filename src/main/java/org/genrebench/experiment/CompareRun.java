package org.genrebench.experiment;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.FeatureTable;
import org.genrebench.dataset.Track;
import org.genrebench.dataset.synth.SynthConfig;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.Harness;
import org.genrebench.eval.ModelResult;
import org.genrebench.pipeline.InputSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code compare} invocation: finds its data (the given audio or tables, else a GTZAN copy under the data root,
 * else the embedded default: a synthetic set plus the shipped tables), claims a results folder for each dataset and
 * runs the models on it through {@link CompareJob}.
 */
public final class CompareRun {

    /**
     * What the command line asked for, every option already checked.
     *
     * @param audio          the {@code --data} sources; null when none was given
     * @param featureTables  the {@code --features-csv} tables; null when none was given
     * @param metadata       FMA's tracks.csv for an FMA folder; null: the folder's default
     * @param models         the models asked for (the catalogue's defaults when none were named)
     * @param modelsNamed    whether the user named them: a named model that no table feeds is then an error
     * @param protocol       the evaluation protocol; an official split takes its partition from the audio scanned
     * @param threads        worker threads
     * @param minSongs       classes with fewer songs are left out; null: every class is kept
     * @param inputRules     the feature chunk and mel window rules given
     * @param networkOptions the network options given ({@code epochs}, {@code width}, ...), as the catalogue takes them
     * @param parameters     the {@code --param} (and {@code --probe}) settings for a run of the given models
     * @param dataRoot       where the synthetic set, the cache, the shipped tables and the split lists live
     * @param cluster        opens the engine that runs the classical fits; null: this process's threads
     * @param command        the command line as typed, for the report
     */
    public record Request(List<Path> audio, List<Path> featureTables, Path metadata, List<String> models, boolean modelsNamed,
                          Protocol protocol, int repeats, long seed, boolean tune, boolean quick, boolean resume, Path out,
                          int threads, Integer minSongs, InputSettings inputRules, Map<String, String> networkOptions,
                          Function<List<String>, Map<String, Map<String, String>>> parameters, Path dataRoot,
                          Supplier<ClusterEngine> cluster, String command) {
    }

    /** The report folders written, one per dataset, and the inputs skipped over all of them. */
    public record Outcome(List<Path> reports, int skippedInputs) {
    }

    /**
     * Sizes of the embedded default; --quick trades accuracy of the estimate for a first look in minutes. The full
     * run gives the networks 20 epochs (early stopping usually ends them at 10–17): at 10 most folds were still
     * improving at the last epoch, and cnn scored 0.575 instead of 0.613, which would have tilted the comparison
     * against deep learning by under-training rather than by merit.
     */
    private record DefaultRun(int perGenre, double seconds, int epochs) {
        static final DefaultRun FULL = new DefaultRun(16, 12, 20);
        static final DefaultRun QUICK = new DefaultRun(8, 9, 8);
    }

    /** An audio dataset: scan problems + unreadable files are skipped and reported, never fatal. */
    private record AudioSource(String name, String description, AudioDataset scan, String origin) {
    }

    private final Request request;
    private final RunConsole console;
    private final PrintWriter stdout;
    /** Inputs skipped over all datasets of this run. */
    private int skippedInputs;
    /** The loaded audio dataset's own partition (FMA's set,split), for --split fma. */
    private Map<String, String> officialSplit = Map.of();

    private CompareRun(Request request, RunConsole console) {
        this.request = request;
        this.console = console;
        this.stdout = console.out();
    }

    /** Runs every dataset the request names (or the defaults), then lists the reports. */
    public static Outcome run(Request request, RunConsole console) throws IOException {
        return new CompareRun(request, console).run();
    }

    private Outcome run() throws IOException {
        List<Path> reports = new ArrayList<>();
        if (request.featureTables() != null) {
            reports.add(runTables(request.featureTables()));
        } else {
            List<Path> audio = request.audio() != null ? request.audio()
                    : DatasetSources.detectGtzan(request.dataRoot()).map(List::of).orElse(null);
            if (audio != null) {
                reports.add(runAudio(audio(audio)));
            } else {
                reports.add(runAudio(synthetic()));
                // The shipped tables: the 58 features of all 1000 GTZAN songs, and with the pre-trained family, the same
                // features beside the MSD_musicnn taggrams of 733 of them.
                Path shipped = request.dataRoot().resolve("features_30_sec.csv");
                Path taggrams = request.dataRoot().resolve("embeddings").resolve("gtzan-msd-musicnn-taggram.csv.gz");
                if (Files.isRegularFile(shipped) && !ModelRegistry.classicalOf(request.models()).isEmpty()) {
                    reports.add(runTables(List.of(shipped)));
                }
                if (Files.isRegularFile(shipped) && Files.isRegularFile(taggrams) && request.models().contains("msd-musicnn")) {
                    reports.add(runTables(List.of(shipped, taggrams)));
                }
            }
        }
        stdout.println("Reports:");
        reports.forEach(r -> stdout.println("  " + r.resolve("report.md")));
        if (skippedInputs > 0) {
            stdout.println(skippedInputs + " input(s) skipped, named above and in the report (exit status 1)");
        }
        stdout.flush();
        return new Outcome(List.copyOf(reports), skippedInputs);
    }

    /**
     * Feature and embedding tables of the same songs, each model on the table it reads: the classical models on the
     * community table, a pre-trained model on an embedding table of its own (its layer is the table's unless
     * {@code --param} says otherwise). A model given by name that no table feeds is one error line.
     */
    private Path runTables(List<Path> csvs) throws IOException {
        List<FeatureTable> tables = csvs.stream().map(FeatureTable::read).toList();
        tables.forEach(t -> t.warnings().forEach(w -> stdout.println("warning: " + w)));
        TableInputs inputs = TableInputs.of(tables, request.models(), request.modelsNamed());
        String name = String.join("+", csvs.stream().map(CompareRun::datasetName).toList());
        CompareJob.Plan plan = plan(name, inputs.models(), inputs.params(), request.inputRules());
        try (RunFolder folder = CompareJob.claim(plan, name, RunFolder.origin(csvs), csvs, dataSettings(Map.of()))) {
            announce(folder);
            PreparedDataset prepared = DatasetSources.featureTables(folder.name(), tables);
            prepared.skipped().forEach(s -> stdout.println("skipped: " + s));
            return run(prepared, folder, plan);
        }
    }

    private AudioSource audio(List<Path> sources) {
        AudioDataset scan = AudioDataset.load(sources, Optional.ofNullable(request.metadata()));
        officialSplit = scan.officialSplit();
        return new AudioSource(RunFolder.nameFor(sources), "audio: " + scan.description(), scan, RunFolder.origin(sources));
    }

    private AudioSource synthetic() throws IOException {
        DefaultRun size = request.quick() ? DefaultRun.QUICK : DefaultRun.FULL;
        SynthConfig config = new SynthConfig(10, size.perGenre(), size.seconds(), request.seed());
        stdout.printf(Locale.ROOT, "Embedded default: synthetic genre set, %d genres × %d tracks × %.0f s, seed %d, difficulty %.2f%n",
                config.genres(), config.perGenre(), config.seconds(), request.seed(), config.difficulty());
        stdout.flush();
        Path dir = DatasetSources.synthetic(request.dataRoot(), config);
        AudioDataset scan = AudioDataset.load(List.of(dir));
        String description = String.format(Locale.ROOT, "synthetic genre set (embedded default, generated by `synth`): %d genres × %d tracks × %.0f s, seed %d, difficulty %.2f, in %s",
                config.genres(), config.perGenre(), config.seconds(), request.seed(), config.difficulty(), dir);
        return new AudioSource(request.quick() ? "synthetic-quick" : "synthetic", description, scan, "embedded default " + dir.getFileName());
    }

    private Path runAudio(AudioSource source) throws IOException {
        // Folds and split lists are checked on the file list, before minutes of extraction.
        List<Track> tracks = source.scan().tracks();
        CompareJob.requireSplitPossible(source.name(), tracks.stream().map(Track::songId).toList(),
                tracks.stream().map(Track::label).toList(), protocol(), minSongs());
        List<String> models = request.models();
        InputSettings settings = ModelRegistry.inputsFor(models, request.inputRules(), request.parameters().apply(models));
        CompareJob.Plan plan = plan(source.name(), models, Map.of(), settings);
        try (RunFolder folder = CompareJob.claim(plan, source.name(), source.origin(), tracks.stream().map(Track::source).toList(),
                dataSettings(Map.of("featureChunkSamples", Integer.toString(settings.featureChunkSamples()),
                        "windowSamples", Integer.toString(settings.windowSamples()),
                        "windowOverlap", Double.toString(settings.windowOverlap()))))) {
            announce(folder);
            PreparedDataset prepared = PreparedAudio.prepare(folder.name(), source.description(), source.scan(), settings,
                    request.dataRoot().resolve("cache"), request.threads(), console);
            return run(prepared, folder, plan);
        }
    }

    /** Says where a run goes when that is not the folder named after its data. */
    private void announce(RunFolder folder) {
        if (folder.note() != null) {
            stdout.println(folder.note());
            stdout.flush();
        }
    }

    /** {@code settings} plus {@code --min-songs} when given: the settings that shape which songs a run uses. */
    private Map<String, String> dataSettings(Map<String, String> settings) {
        if (request.minSongs() == null) return settings;
        Map<String, String> all = new TreeMap<>(settings);
        all.put("minSongs", Integer.toString(request.minSongs()));
        return all;
    }

    private int minSongs() {
        return request.minSongs() == null ? 0 : request.minSongs();
    }

    /** Runs the plan's models into the claimed folder and completes it; returns the folder holding the report. */
    private Path run(PreparedDataset prepared, RunFolder folder, CompareJob.Plan plan) throws IOException {
        PreparedDataset kept = prepared.withoutClassesBelow(minSongs());
        kept.skipped().subList(prepared.skipped().size(), kept.skipped().size()).forEach(s -> stdout.println("skipped: " + s));
        prepared = kept;
        skippedInputs += prepared.skipped().size();
        List<String> modelNames = plan.models();
        stdout.printf(Locale.ROOT, "%s: %d songs, %d classes, %d feature rows, %d mel windows, %d skipped; models %s%n",
                prepared.name(), prepared.songIds().size(), prepared.classNames().size(), prepared.features().size(),
                prepared.windows().size(), prepared.skipped().size(), String.join(",", modelNames));
        stdout.flush();
        CompareJob.Outcome outcome;
        ClusterEngine cluster = request.cluster() != null ? request.cluster().get() : null;
        try (cluster; RunConsole.Progress progress = console.progress(prepared.name(),
                (long) modelNames.size() * plan.protocol().foldCount() * plan.repeats())) {
            if (cluster != null) stdout.println("classical fits on " + cluster.describe());
            LongFunction<Harness.FoldExecutor<double[]>> classicalFits = cluster != null
                    ? repeatSeed -> cluster.classicalFits(repeatSeed, plan.tune(), plan.params())
                    : repeatSeed -> Harness.threadPool(plan.threads());
            outcome = CompareJob.run(prepared, plan, folder.buildDir(), new Harness.Listener() {
                @Override
                public void foldDone(FoldResult result, boolean fromCache) {
                    progress.step();
                    progress.note(result.model() + " fold " + result.fold() + (fromCache ? " (resumed)" : ""));
                }

                @Override
                public void modelDone(ModelResult m) {
                    stdout.printf(Locale.ROOT, "%n%-7s song acc %.3f ± %.3f  macro-F1 %.3f ± %.3f  fit %.1f s  %,.0f items/s%n",
                            m.name(), m.accuracyMean(), m.accuracyStd(), m.macroF1Mean(), m.macroF1Std(), m.fitSeconds(), m.throughput());
                    stdout.flush();
                }
            }, classicalFits);
        }
        Path dir = folder.complete();
        stdout.printf(Locale.ROOT, "%s: %d models in %.1f s; report %s%n", prepared.name(), modelNames.size(),
                outcome.run().wallSeconds(), dir.resolve("report.md"));
        return dir;
    }

    /**
     * The plan of a run of {@code modelNames} on dataset {@code datasetName}, whose views are built by {@code inputs};
     * {@code tableParams} are the layers that embedding tables give (overridden by {@code --param}).
     */
    private CompareJob.Plan plan(String datasetName, List<String> modelNames, Map<String, Map<String, String>> tableParams,
                                 InputSettings inputs) {
        // The embedded default caps epochs to fit its time budget; real datasets use DeepConfig's default.
        Map<String, String> networkOptions = new HashMap<>(request.networkOptions());
        if (datasetName.startsWith("synthetic")) {
            networkOptions.putIfAbsent("epochs", Integer.toString((request.quick() ? DefaultRun.QUICK : DefaultRun.FULL).epochs()));
        }
        // An option given at a value every requested network has by default is no setting of its own (--resume).
        Map<String, String> deepParams = ModelRegistry.withoutDefaults(ModelRegistry.deepOf(modelNames), networkOptions);
        Map<String, Map<String, String>> params = new TreeMap<>(tableParams);
        request.parameters().apply(modelNames).forEach((m, p) -> params.merge(m, p, (a, b) -> {
            Map<String, String> both = new TreeMap<>(a);
            both.putAll(b);
            return both;
        }));
        return new CompareJob.Plan(modelNames, protocol(), request.repeats(), request.seed(), request.tune(), request.out(),
                request.resume(), request.threads(), inputs, deepParams, params, request.command());
    }

    /** The requested protocol; an official split with the partition of the audio scanned last. */
    private Protocol protocol() {
        return request.protocol() instanceof Protocol.Official o ? new Protocol.Official(o.dataset(), officialSplit) : request.protocol();
    }

    /** {@code features_30_sec.csv} → {@code gtzan-features-30s}; other names are used as they are. */
    static String datasetName(Path csv) {
        String stem = csv.getFileName().toString().replaceFirst("\\.csv(\\.gz)?$", "");
        Matcher m = Pattern.compile("features_(\\d+)_sec").matcher(stem);
        return m.matches() ? "gtzan-features-" + m.group(1) + "s" : stem;
    }
}
