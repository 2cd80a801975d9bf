package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import org.genrebench.dataset.FeatureTable;
import org.genrebench.dataset.AudioDataset;
import org.genrebench.dataset.synth.SynthConfig;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.Harness;
import org.genrebench.eval.ModelResult;
import org.genrebench.experiment.ClusterEngine;
import org.genrebench.experiment.CompareJob;
import org.genrebench.experiment.DatasetSources;
import org.genrebench.experiment.PreparedDataset;
import org.genrebench.experiment.Protocol;
import org.genrebench.experiment.RunFolder;
import org.genrebench.experiment.TableInputs;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = ModelNames.Defaults.class,
        description = {
                "Runs every model under the shared song-disjoint harness and writes reports under results/.",
                "Data: --data DIR (GTZAN layout), --features-csv FILE, or else data/gtzan|genres|genres_original if present,",
                "or else the embedded default: a cached synthetic genre set (all models) plus the shipped GTZAN feature table",
                "(classical models)."})
final class CompareCommand implements Callable<Integer> {

    /**
     * Sizes of the embedded default; --quick trades accuracy of the estimate for a first look in minutes. The full
     * run gives the networks 20 epochs (early stopping usually ends them at 10–17): at 10 most folds were still
     * improving at the last epoch, and cnn scored 0.575 instead of 0.613, which would have tilted the comparison
     * against deep learning by under-training rather than by merit.
     */
    record DefaultRun(int perGenre, double seconds, int epochs) {
        static final DefaultRun FULL = new DefaultRun(16, 12, 20);
        static final DefaultRun QUICK = new DefaultRun(8, 9, 8);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--features-csv", paramLabel = "FILE",
            description = {"A community feature table (features_30_sec.csv or features_3_sec.csv: the classical models) or an embedding"
                    + " table (extract --embedding, data/embeddings/: its pre-trained model). Repeatable: the tables' common songs are"
                    + " used, each model on the table it reads."})
    List<Path> featuresCsv;

    @Option(names = "--models", split = ",", paramLabel = "NAMES", completionCandidates = ModelNames.class,
            description = "Models to run, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; `genrebench models` lists them).")
    List<String> models;

    @Option(names = "--folds", defaultValue = "5", description = "Song-disjoint stratified folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = {"--protocol", "--split"}, defaultValue = "kfold", paramLabel = "NAME",
            description = {"Evaluation protocol (default: kfold): kfold (song-disjoint k-fold), fault-filtered, song-holdout[:N]"
                    + " (N songs per genre held out once, default 3), chunk-shuffle (all chunks shuffled 80/20: leaky, for comparison),"
                    + " fma (FMA's official artist-filtered split, training+validation -> test)."})
    String protocolName;

    @Option(names = "--repeats", defaultValue = "1", paramLabel = "R",
            description = "Independent draws of the protocol (folds and model seeds seed, seed+1, ...); R times the fit time (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of data synthesis, folds and models (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--min-songs", paramLabel = "N",
            description = "Leave out the classes with fewer than N songs, naming each (default: every class is kept).")
    Integer minSongs;

    @Option(names = "--tune", description = "Grid-search classical hyper-parameters by inner song-disjoint CV in each training fold.")
    boolean tune;

    @Option(names = "--quick", description = "A small embedded run for a first look (a few minutes).")
    boolean quick;

    @Option(names = "--resume", description = "Continue an interrupted run: reuse every model/fold already finished in its results folder.")
    boolean resume;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data-root", defaultValue = "data", paramLabel = "DIR", hidden = true,
            description = "Where the synthetic set, the cache, the shipped table and split lists live (default: ${DEFAULT-VALUE}).")
    Path dataRoot;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> reports = new ArrayList<>();
        if (featuresCsv != null) {
            reports.add(runTables(featuresCsv, stdout));
        } else {
            List<Path> audio = data.given() ? data.sources : DatasetSources.detectGtzan(dataRoot).map(List::of).orElse(null);
            if (audio != null) {
                reports.add(runAudio(audio(audio), stdout));
            } else {
                reports.add(runAudio(synthetic(), stdout));
                // The shipped tables: the 58 features of all 1000 GTZAN songs, and with the pre-trained family, the same
                // features beside the MSD_musicnn taggrams of 733 of them.
                Path shipped = dataRoot.resolve("features_30_sec.csv");
                Path taggrams = dataRoot.resolve("embeddings").resolve("gtzan-msd-musicnn-taggram.csv.gz");
                if (Files.isRegularFile(shipped) && !ModelRegistry.classicalOf(models).isEmpty()) reports.add(runTables(List.of(shipped), stdout));
                if (Files.isRegularFile(shipped) && Files.isRegularFile(taggrams) && models.contains("msd-musicnn")) {
                    reports.add(runTables(List.of(shipped, taggrams), stdout));
                }
            }
        }
        stdout.println("Reports:");
        reports.forEach(r -> stdout.println("  " + r.resolve("report.md")));
        if (skippedInputs > 0) {
            stdout.println(skippedInputs + " input(s) skipped, named above and in the report (exit status 1)");
        }
        stdout.flush();
        return skippedInputs > 0 ? 1 : 0;
    }

    /** Every option checked before any work starts (one {@code error:} line, exit 2). */
    private void checkOptions() {
        OptionChecks.notBoth("--data", data.sources, "--features-csv", featuresCsv);
        models = OptionChecks.models("--models", models);
        if (protocol() instanceof Protocol.KFold) OptionChecks.atLeast("--folds", folds, 2);
        OptionChecks.atLeast("--repeats", repeats, 1);
        training.check(models, tune);
        OptionChecks.atLeast("--threads", threads, 1);
        OptionChecks.atLeast("--min-songs", minSongs, 1);
        data.checkExisting();
        engine.distributed(); // an unknown --engine, or --master without spark, stops here
        if (featuresCsv != null) featuresCsv.forEach(f -> OptionChecks.readableFile("--features-csv", f));
        OptionChecks.writableDirectory("--out", out);
    }

    /** Inputs skipped over all datasets of this run; any makes the exit status 1. */
    private int skippedInputs;

    /**
     * Feature and embedding tables of the same songs, each model on the table it reads: the classical models on the
     * community table, a pre-trained model on an embedding table of its own (its layer is the table's unless
     * {@code --param} says otherwise). A model given by name that no table feeds is one error line.
     */
    private Path runTables(List<Path> csvs, PrintWriter stdout) throws IOException {
        List<FeatureTable> tables = csvs.stream().map(FeatureTable::read).toList();
        tables.forEach(t -> t.warnings().forEach(w -> stdout.println("warning: " + w)));
        TableInputs inputs = TableInputs.of(tables, models, spec.commandLine().getParseResult().hasMatchedOption("--models"));
        tableParams = inputs.params();
        String name = String.join("+", csvs.stream().map(CompareCommand::datasetName).toList());
        try (RunFolder folder = CompareJob.claim(plan(name, inputs.models()), name, RunFolder.origin(csvs), csvs, dataSettings(Map.of()))) {
            announce(folder, stdout);
            PreparedDataset prepared = DatasetSources.featureTables(folder.name(), tables);
            prepared.skipped().forEach(s -> stdout.println("skipped: " + s));
            return run(prepared, folder, inputs.models(), stdout);
        }
    }

    /** The layer of each pre-trained model that reads an embedding table, unless --param sets it. */
    private Map<String, Map<String, String>> tableParams = Map.of();

    /** An audio dataset: scan problems + unreadable files are skipped and reported, never fatal. */
    private record AudioSource(String name, String description, AudioDataset scan, String origin) {
    }

    private AudioSource audio(List<Path> sources) {
        AudioDataset scan = data.load(sources);
        officialSplit = scan.officialSplit();
        return new AudioSource(RunFolder.nameFor(sources), "audio: " + scan.description(), scan, RunFolder.origin(sources));
    }

    private AudioSource synthetic() throws IOException {
        DefaultRun size = quick ? DefaultRun.QUICK : DefaultRun.FULL;
        SynthConfig config = new SynthConfig(10, size.perGenre(), size.seconds(), seed);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Embedded default: synthetic genre set, %d genres × %d tracks × %.0f s, seed %d, difficulty %.2f%n",
                config.genres(), config.perGenre(), config.seconds(), seed, config.difficulty());
        stdout.flush();
        Path dir = DatasetSources.synthetic(dataRoot, config);
        AudioDataset scan = AudioDataset.load(List.of(dir));
        String description = String.format(Locale.ROOT, "synthetic genre set (embedded default, generated by `synth`): %d genres × %d tracks × %.0f s, seed %d, difficulty %.2f, in %s",
                config.genres(), config.perGenre(), config.seconds(), seed, config.difficulty(), dir);
        return new AudioSource(quick ? "synthetic-quick" : "synthetic", description, scan, "embedded default " + dir.getFileName());
    }

    private Path runAudio(AudioSource source, PrintWriter stdout) throws IOException {
        // Folds and split lists are checked on the file list, before minutes of extraction.
        List<org.genrebench.dataset.Track> tracks = source.scan().tracks();
        CompareJob.requireSplitPossible(source.name(), tracks.stream().map(org.genrebench.dataset.Track::songId).toList(),
                tracks.stream().map(org.genrebench.dataset.Track::label).toList(), plan(source.name(), models), minSongs());
        InputSettings settings = ModelRegistry.inputsFor(models, training.inputSettings(), training.parameters(models));
        try (RunFolder folder = CompareJob.claim(plan(source.name(), models), source.name(), source.origin(),
                tracks.stream().map(org.genrebench.dataset.Track::source).toList(),
                dataSettings(Map.of("featureChunkSamples", Integer.toString(settings.featureChunkSamples()),
                        "windowSamples", Integer.toString(settings.windowSamples()),
                        "windowOverlap", Double.toString(settings.windowOverlap()))))) {
            announce(folder, stdout);
            PreparedDataset prepared = AudioDatasets.prepare(folder.name(), source.description(), source.scan(), settings,
                    dataRoot.resolve("cache"), workers(), stdout);
            return run(prepared, folder, models, stdout);
        }
    }

    /** Says where a run goes when that is not the folder named after its data. */
    private static void announce(RunFolder folder, PrintWriter stdout) {
        if (folder.note() != null) {
            stdout.println(folder.note());
            stdout.flush();
        }
    }

    /** {@code settings} plus {@code --min-songs} when given: the settings that shape which songs a run uses. */
    private Map<String, String> dataSettings(Map<String, String> settings) {
        if (minSongs == null) return settings;
        Map<String, String> all = new java.util.TreeMap<>(settings);
        all.put("minSongs", Integer.toString(minSongs));
        return all;
    }

    private int minSongs() {
        return minSongs == null ? 0 : minSongs;
    }

    /** Runs the models into the claimed folder and completes it; returns the folder holding the report. */
    private Path run(PreparedDataset prepared, RunFolder folder, List<String> modelNames, PrintWriter stdout) throws IOException {
        PreparedDataset kept = prepared.withoutClassesBelow(minSongs());
        kept.skipped().subList(prepared.skipped().size(), kept.skipped().size()).forEach(s -> stdout.println("skipped: " + s));
        prepared = kept;
        skippedInputs += prepared.skipped().size();
        stdout.printf(Locale.ROOT, "%s: %d songs, %d classes, %d feature rows, %d mel windows, %d skipped; models %s%n",
                prepared.name(), prepared.songIds().size(), prepared.classNames().size(), prepared.features().size(),
                prepared.windows().size(), prepared.skipped().size(), String.join(",", modelNames));
        stdout.flush();
        CompareJob.Plan plan = plan(prepared.name(), modelNames);
        CompareJob.Outcome outcome;
        ClusterEngine cluster = engine.distributed() ? engine.open() : null;
        try (cluster; ProgressBar bar = ConsoleProgress.bar(prepared.name(), (long) modelNames.size() * plan.protocol().foldCount() * repeats)) {
            if (cluster != null) stdout.println("classical fits on " + cluster.describe());
            LongFunction<Harness.FoldExecutor<double[]>> classicalFits = cluster != null
                    ? repeatSeed -> cluster.classicalFits(repeatSeed, tune, plan.params()) : repeatSeed -> Harness.threadPool(workers());
            outcome = CompareJob.run(prepared, plan, folder.buildDir(), new Harness.Listener() {
                @Override
                public void foldDone(FoldResult result, boolean fromCache) {
                    bar.step();
                    bar.setExtraMessage(result.model() + " fold " + result.fold() + (fromCache ? " (resumed)" : ""));
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

    private CompareJob.Plan plan(String datasetName, List<String> modelNames) {
        // The embedded default caps epochs to fit its time budget; real datasets use DeepConfig's default.
        // An option given at a value every requested network has by default is no setting of its own (--resume).
        Map<String, String> deepParams = ModelRegistry.withoutDefaults(ModelRegistry.deepOf(modelNames), training.networkSettings(
                datasetName.startsWith("synthetic") ? (quick ? DefaultRun.QUICK : DefaultRun.FULL).epochs() : null));
        Map<String, Map<String, String>> params = new java.util.TreeMap<>(tableParams);
        training.parameters(modelNames).forEach((m, p) -> params.merge(m, p, (a, b) -> {
            Map<String, String> both = new java.util.TreeMap<>(a);
            both.putAll(b);
            return both;
        }));
        return new CompareJob.Plan(modelNames, protocol(), repeats, seed, tune, out, resume, workers(), deepParams, params, commandLine());
    }

    private int workers() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** {@code features_30_sec.csv} → {@code gtzan-features-30s}; other names are used as they are. */
    static String datasetName(Path csv) {
        String stem = csv.getFileName().toString().replaceFirst("\\.csv(\\.gz)?$", "");
        Matcher m = Pattern.compile("features_(\\d+)_sec").matcher(stem);
        return m.matches() ? "gtzan-features-" + m.group(1) + "s" : stem;
    }

    private String commandLine() {
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        return "genrebench " + String.join(" ", Arrays.stream(args)
                .map(a -> a.matches("[\\w./=,:-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
    }

    /** The loaded audio dataset's own partition (FMA's set,split), for --split fma. */
    private Map<String, String> officialSplit = Map.of();

    private Protocol protocol() {
        Protocol p = Protocol.parse(protocolName, folds, dataRoot.resolve("splits"));
        if (p == null) {
            throw new UserException("--protocol must be kfold, fault-filtered, song-holdout[:N], chunk-shuffle or fma, got '" + protocolName + "'");
        }
        return p instanceof Protocol.Official o ? new Protocol.Official(o.dataset(), officialSplit) : p;
    }
}
