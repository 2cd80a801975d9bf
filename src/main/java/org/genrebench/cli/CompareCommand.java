package org.genrebench.cli;

import org.genrebench.experiment.CompareRun;
import org.genrebench.experiment.Protocol;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = ModelNames.Defaults.class,
        description = {
                "Runs every model under the shared song-disjoint harness and writes reports under results/.",
                "Data: --data DIR (GTZAN layout), --features-csv FILE, or else data/gtzan|genres|genres_original if present,",
                "or else the embedded default: a cached synthetic genre set (all models) plus the shipped GTZAN feature table",
                "(classical models)."})
final class CompareCommand implements Callable<Integer> {

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
        CompareRun.Outcome outcome = CompareRun.run(new CompareRun.Request(data.sources, featuresCsv, data.metadata, models,
                spec.commandLine().getParseResult().hasMatchedOption("--models"), protocol(), repeats, seed, tune, quick, resume,
                out, threads != null ? threads : Runtime.getRuntime().availableProcessors(), minSongs, training.inputSettings(),
                training.networkSettings(null), training::parameters, dataRoot, engine.distributed() ? engine::open : null,
                commandLine()), ConsoleProgress.console(spec.commandLine().getOut()));
        return outcome.skippedInputs() > 0 ? 1 : 0;
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

    private String commandLine() {
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        return "genrebench " + String.join(" ", Arrays.stream(args)
                .map(a -> a.matches("[\\w./=,:-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
    }

    private Protocol protocol() {
        Protocol p = Protocol.parse(protocolName, folds, dataRoot.resolve("splits"));
        if (p == null) {
            throw new UserException("--protocol must be kfold, fault-filtered, song-holdout[:N], chunk-shuffle or fma, got '" + protocolName + "'");
        }
        return p;
    }
}
