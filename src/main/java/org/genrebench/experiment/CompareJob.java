package org.genrebench.experiment;

import org.genrebench.eval.FoldCache;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.Harness;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.report.PredictionFiles;
import org.genrebench.report.Reporter;
import org.genrebench.report.RunContext;
import org.genrebench.selection.TuningChoices;
import org.genrebench.split.FaultFilteredSplit;
import org.genrebench.model.Family;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.pipeline.InputView;
import org.genrebench.split.Fold;
import org.genrebench.split.SongHoldoutSplit;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One {@code compare} run over a prepared dataset: folds drawn once on songs, classical models on the feature
 * rows and networks on the mel windows, both through the same {@link Harness}, then one report.
 */
public final class CompareJob {

    /**
     * @param models     model names in report order (classical and/or deep)
     * @param protocol   how train and test items are drawn
     * @param repeats    independent draws of the protocol; repeat r draws folds and seeds every model with seed + r
     * @param deepParams overrides for every network ({@code epochs}, {@code batchSize}, ...: the network options)
     * @param params     per-model overrides ({@code --param MODEL.KEY=VALUE}), checked against the catalogue
     * @param threads    (model, fold) pairs of classical models trained at once; networks train one at a time
     * @param inputs     the rules the models' input views are built with
     */
    public record Plan(List<String> models, Protocol protocol, int repeats, long seed, boolean tune, Path out, boolean resume,
                       int threads, InputSettings inputs, Map<String, String> deepParams, Map<String, Map<String, String>> params,
                       String command) {
        public Plan {
            models = List.copyOf(models);
            deepParams = Map.copyOf(deepParams);
            params = Map.copyOf(params);
            if (repeats < 1) throw new UserException("--repeats must be at least 1, got " + repeats);
        }

        /** The hyper-parameter overrides of {@code model}: the network options for a network, then its own {@code --param}s. */
        public Map<String, String> paramsOf(String model) {
            return ModelRegistry.overrides(model, deepParams, params.getOrDefault(model, Map.of()));
        }
    }

    private CompareJob() {
    }

    /**
     * Runs every requested model and writes the report into {@code <out>/<run name>}; returns the run and the folder
     * it was written to.
     */
    public static Outcome run(PreparedDataset data, Plan plan, Harness.Listener listener) throws IOException {
        return run(data, plan, Reporter.runDir(plan.out(), runName(data.name(), plan)), listener,
                seed -> Harness.threadPool(plan.threads()));
    }

    /**
     * {@link #run(PreparedDataset, Plan, Harness.Listener)} into {@code dir} (a claimed {@link RunFolder}'s
     * {@link RunFolder#buildDir()}), with the classical fits of the repeat seeded {@code seed} handed to
     * {@code classicalFits.apply(seed)} (a cluster engine's tasks, for example).
     */
    public static Outcome run(PreparedDataset data, Plan plan, Path dir, Harness.Listener listener,
                              LongFunction<Harness.FoldExecutor<double[]>> classicalFits) throws IOException {
        ModelRegistry.requireKnown(plan.models());
        requireUsable(data, plan);
        Protocol protocol = plan.protocol();
        String name = runName(data.name(), plan);
        String description = protocol.describe() + (plan.repeats() > 1 ? ", " + plan.repeats() + " repeats" : "");
        if (protocol instanceof Protocol.FaultFiltered ff) {
            description += " on " + FaultFilteredSplit.read(ff.splitsDir()).coverage(data.songIds());
        }
        if (plan.tune()) description += ", classical models tuned by inner " + ModelRegistry.INNER_FOLDS + "-fold song CV";
        FoldCache cache = new PredictionFiles(dir, data.classNames(), plan.resume());
        TuningChoices choices = new TuningChoices(); // this run's grid searches, reused by the vote's members

        long start = System.nanoTime();
        List<ModelResult> results = new ArrayList<>();
        // Models are grouped by what they read (feature rows, mel windows, one embedding's patches); each group runs
        // through one harness on the same song folds.
        Map<InputView<?>, List<String>> byView = new LinkedHashMap<>();
        for (String m : plan.models()) {
            byView.computeIfAbsent(ModelRegistry.entry(m).view(plan.inputs(), plan.paramsOf(m)), v -> new ArrayList<>()).add(m);
        }
        byView.forEach((view, models) -> requireInputs(view, models, data)); // before any model trains
        Harness.RunInfo info = new Harness.RunInfo(name, description, plan.seed(), plan.command());
        for (Map.Entry<InputView<?>, List<String>> group : byView.entrySet()) {
            results.addAll(runGroup(group.getKey(), group.getValue(), data, plan, cache, choices, info, listener, classicalFits));
        }
        results.sort(Comparator.comparingInt(m -> plan.models().indexOf(m.name())));
        RunResult run = new RunResult(name, data.classNames(), description, plan.seed(), plan.command(), results,
                (System.nanoTime() - start) / 1e9, plan.repeats());
        List<String> warnings = protocol.leaky() ? List.of("LEAKY PROTOCOL: chunks of one song are in both the training and the "
                + "test side, so these scores measure recognising songs already heard, not genres; compare with a song-disjoint run.")
                : List.of();
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.songIds().size(); i++) groups.put(data.songIds().get(i), data.songGroups().get(i));
        Reporter.writeInto(dir, run, new RunContext(data.description(),
                data.skipped().stream().map(Skipped::toString).toList(), groups, warnings));
        return new Outcome(run, dir);
    }

    /** The models of one input view over every repeat: networks one at a time (each uses every core), the others in parallel. */
    @SuppressWarnings("unchecked")
    private static <X> List<ModelResult> runGroup(InputView<X> view, List<String> models, PreparedDataset data, Plan plan, FoldCache cache,
                                                  TuningChoices choices, Harness.RunInfo info, Harness.Listener listener,
                                                  LongFunction<Harness.FoldExecutor<double[]>> classicalFits) {
        List<Sample<X>> samples = view.select(data);
        Family family = ModelRegistry.entry(models.getFirst()).family();
        boolean network = family == Family.FROM_SCRATCH;
        LongFunction<Harness.FoldExecutor<X>> executor = family == Family.CLASSICAL
                ? seed -> (Harness.FoldExecutor<X>) (Harness.FoldExecutor<?>) classicalFits.apply(seed)
                : seed -> Harness.threadPool(network ? 1 : plan.threads());
        return repeated(samples, data, plan, cache, info, network ? 1 : plan.threads(), listener, executor,
                seed -> models.stream().map(m -> ModelRegistry.spec((ModelRegistry.Entry<X>) ModelRegistry.entry(m), seed,
                        plan.tune(), plan.paramsOf(m), choices)).toList());
    }

    /** One sentence when the data has nothing for these models of one view to read. */
    private static void requireInputs(InputView<?> view, List<String> models, PreparedDataset data) {
        Family family = ModelRegistry.entry(models.getFirst()).family();
        if (view.select(data).isEmpty()) {
            throw new UserException(String.join(",", models) + " need" + (models.size() == 1 ? "s " : " ") + switch (family) {
                case CLASSICAL -> "the 58 features (audio, or a feature table such as data/features_30_sec.csv)";
                case FROM_SCRATCH -> "audio (use --data DIR, or --models without networks)";
                case PRETRAINED -> "audio or an embedding table of " + ((EmbeddingPatches) view).key();
            } + "; " + data.name() + " has none");
        }
    }

    /** The results folder name of a run of {@code dataName} under this plan. */
    public static String runName(String dataName, Plan plan) {
        return dataName + (plan.tune() ? "-tuned" : "") + plan.protocol().suffix() + (plan.repeats() > 1 ? "-r" + plan.repeats() : "");
    }

    /**
     * Claims (locks, and for {@code --resume} checks) the results folder for a run of {@code dataName} from
     * {@code source} ({@code files} are the inputs, {@code dataSettings} how they are turned into model inputs).
     * Call before any work on the data; run under {@link RunFolder#name()} into {@link RunFolder#buildDir()}, then
     * {@link RunFolder#complete()}.
     */
    public static RunFolder claim(Plan plan, String dataName, String source, List<Path> files, Map<String, String> dataSettings) {
        Map<String, String> settings = new java.util.TreeMap<>(dataSettings);
        settings.put("seed", Long.toString(plan.seed()));
        settings.put("split", plan.protocol().describe());
        settings.put("repeats", Integer.toString(plan.repeats()));
        settings.put("tune", Boolean.toString(plan.tune()));
        settings.put("models", String.join(",", new java.util.TreeSet<>(plan.models())));
        plan.deepParams().forEach((k, v) -> settings.put("network." + k, v));
        plan.params().forEach((model, p) -> p.forEach((k, v) -> settings.put("param." + model + "." + k, v)));
        return RunFolder.claim(plan.out(), dataName, n -> runName(n, plan),
                RunFolder.Fingerprint.of(source, files, settings), plan.resume());
    }

    /** A finished run and the folder holding its report. */
    public record Outcome(RunResult run, Path dir) {
    }

    /**
     * The models of one view over every repeat: repeat r draws its folds and seeds its models with seed + r, and its
     * folds are numbered r·k … r·k + k − 1 so that each (repeat, fold) has its own entry in the resume cache.
     */
    private static <X> List<ModelResult> repeated(List<Sample<X>> samples, PreparedDataset data, Plan plan, FoldCache cache,
                                                  Harness.RunInfo info, int threads, Harness.Listener listener,
                                                  LongFunction<Harness.FoldExecutor<X>> executorForSeed,
                                                  LongFunction<List<Harness.ModelSpec<X>>> specsForSeed) {
        Harness<X> harness = new Harness<>(samples, data.classNames(), threads, cache);
        Map<String, List<FoldResult>> folds = new LinkedHashMap<>();
        Map<String, String> families = new LinkedHashMap<>();
        for (int r = 0; r < plan.repeats(); r++) {
            long seed = plan.seed() + r;
            int offset = r * plan.protocol().foldCount();
            List<Fold> draw = plan.protocol().folds(data, samples, seed).stream()
                    .map(f -> new Fold(offset + f.index(), f.train(), f.test())).toList();
            for (ModelResult m : harness.run(info, specsForSeed.apply(seed), draw, listener, executorForSeed.apply(seed)).models()) {
                folds.computeIfAbsent(m.name(), k -> new ArrayList<>()).addAll(m.folds());
                families.put(m.name(), m.family());
            }
        }
        return folds.entrySet().stream()
                .map(e -> ModelResult.of(e.getKey(), families.get(e.getKey()), e.getValue(), data.classNames().size())).toList();
    }

    /** Clear sentences for datasets no fold can be drawn from, instead of a failure deep inside the harness. */
    private static void requireUsable(PreparedDataset data, Plan plan) {
        if (data.songIds().isEmpty()) {
            throw new UserException(data.name() + " has no usable songs" + (data.skipped().isEmpty() ? ""
                    : " (" + data.skipped().size() + " skipped, first: " + data.skipped().getFirst() + ")"));
        }
        List<String> genres = java.util.Arrays.stream(data.songLabels()).mapToObj(data.classNames()::get).toList();
        requireSplitPossible(data.name(), data.songIds(), genres, plan.protocol(), 0);
    }

    /**
     * Whether {@code protocol} can be drawn on these songs (one genre per song), once the genres with fewer than
     * {@code minSongs} songs are left out: at least two genres, and as many songs per genre as folds (more than N for
     * song-holdout:N), or, for the fault-filtered split, GTZAN data, and for an official split, songs on both of its
     * sides. {@link CompareRun} calls this on the scanned file list before any extraction; {@link #run} again on what
     * preparation kept.
     */
    public static void requireSplitPossible(String dataName, List<String> songIds, List<String> songGenres, Protocol protocol, int minSongs) {
        java.util.SortedMap<String, Integer> perGenre = new java.util.TreeMap<>();
        for (String g : songGenres) perGenre.merge(g, 1, Integer::sum);
        perGenre.values().removeIf(songs -> songs < minSongs);
        if (perGenre.size() < 2) {
            throw new UserException(dataName + " has a single class (" + List.copyOf(perGenre.keySet())
                    + "); genre classification needs at least two");
        }
        if (protocol instanceof Protocol.FaultFiltered ff) {
            FaultFilteredSplit.read(ff.splitsDir()).requireGtzan(dataName, songIds);
            return;
        }
        if (protocol instanceof Protocol.Official official) {
            official.requirePossible(songIds);
            return;
        }
        if (protocol instanceof Protocol.SongHoldout holdout) {
            perGenre.forEach((genre, songs) -> SongHoldoutSplit.requireEnough("'" + genre + "'", songs, holdout.perGenre()));
            return;
        }
        if (!protocol.needsSongsPerFold()) return;
        perGenre.forEach((genre, songs) -> {
            if (songs < protocol.foldCount()) {
                throw new UserException("class '" + genre + "' has " + songs + " song(s), fewer than the "
                        + protocol.foldCount() + " folds; add songs, lower --folds, or leave such classes out with --min-songs "
                        + protocol.foldCount());
            }
        });
    }
}
