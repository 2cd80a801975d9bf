package org.genrebench.experiment;

import org.genrebench.eval.FoldCache;
import org.genrebench.eval.Harness;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.model.ModelRegistry;
import org.genrebench.model.Sample;
import org.genrebench.report.PredictionFiles;
import org.genrebench.report.Reporter;
import org.genrebench.report.RunContext;
import org.genrebench.split.FaultFilteredSplit;
import org.genrebench.split.Fold;
import org.genrebench.split.StratifiedGroupKFold;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One {@code compare} run over a prepared dataset: folds drawn once on songs, classical models on the feature
 * rows and networks on the mel windows, both through the same {@link Harness}, then one report.
 */
public final class CompareJob {

    /**
     * @param models        model names in report order (classical and/or deep)
     * @param folds         k of the song-disjoint k-fold (ignored with {@code faultFiltered})
     * @param faultFiltered use the fixed fault-filtered GTZAN split instead of k-fold
     * @param deepParams    overrides for the networks ({@code epochs}, {@code batchSize}, ...)
     * @param threads       (model, fold) pairs of classical models trained at once; networks train one at a time
     */
    public record Plan(List<String> models, int folds, long seed, boolean tune, boolean faultFiltered, Path splitsDir,
                       Path out, boolean resume, int threads, Map<String, String> deepParams, String command) {
        public Plan {
            models = List.copyOf(models);
            deepParams = Map.copyOf(deepParams);
        }
    }

    private CompareJob() {
    }

    /** Runs every requested model and writes the report; returns the run and the folder it was written to. */
    public static Outcome run(PreparedDataset data, Plan plan, Harness.Listener listener) throws IOException {
        return run(data, plan, listener, Harness.threadPool(plan.threads()));
    }

    /** {@link #run(PreparedDataset, Plan, Harness.Listener)} with the classical fits handed to {@code classicalFits}. */
    public static Outcome run(PreparedDataset data, Plan plan, Harness.Listener listener,
                              Harness.FoldExecutor<double[]> classicalFits) throws IOException {
        ModelRegistry.requireKnown(plan.models());
        requireUsable(data, plan);
        List<Fold> songFolds = plan.faultFiltered()
                ? List.of(FaultFilteredSplit.read(plan.splitsDir()).fold(data.songIds()))
                : new StratifiedGroupKFold(plan.folds(), plan.seed()).split(data.songGroups(), data.songLabels());
        String name = data.name() + (plan.tune() ? "-tuned" : "") + (plan.faultFiltered() ? "-fault-filtered" : "");
        String protocol = plan.faultFiltered() ? "fault-filtered split (train+valid → test)"
                : plan.folds() + "-fold stratified song-disjoint CV";
        if (plan.tune()) protocol += ", classical models tuned by inner " + ModelRegistry.INNER_FOLDS + "-fold song CV";
        Harness.RunInfo info = new Harness.RunInfo(name, protocol, plan.seed(), plan.command());
        FoldCache cache = new PredictionFiles(Reporter.runDir(plan.out(), name), data.classNames(), plan.resume());

        long start = System.nanoTime();
        List<ModelResult> results = new ArrayList<>();
        List<String> classical = plan.models().stream().filter(ModelRegistry::isClassical).toList();
        List<String> deep = plan.models().stream().filter(ModelRegistry::isDeep).toList();
        if (!classical.isEmpty()) {
            List<Harness.ModelSpec<double[]>> specs = classical.stream()
                    .map(m -> Harness.ModelSpec.of(ModelRegistry.classical(m), plan.seed(), plan.tune())).toList();
            results.addAll(harness(data.features(), data, plan.threads(), cache)
                    .run(info, specs, SongFolds.project(songFolds, data.songIds(), data.features()), listener, classicalFits).models());
        }
        if (!deep.isEmpty()) {
            if (data.windows().isEmpty()) {
                throw new UserException("networks (" + String.join(",", deep) + ") need audio; " + data.name()
                        + " has feature rows only (use --models with classical models, or --data DIR)");
            }
            List<Harness.ModelSpec<float[]>> specs = deep.stream().map(m -> {
                ModelRegistry.Entry<float[]> e = ModelRegistry.deep(m);
                return new Harness.ModelSpec<>(e.name(), e.family(), () -> e.create(plan.deepParams(), plan.seed()));
            }).toList();
            // One network at a time: each already uses every core through nd4j/oneDNN.
            results.addAll(harness(data.windows(), data, 1, cache)
                    .run(info, specs, SongFolds.project(songFolds, data.songIds(), data.windows()), listener).models());
        }
        results.sort(Comparator.comparingInt(m -> plan.models().indexOf(m.name())));
        RunResult run = new RunResult(name, data.classNames(), protocol, plan.seed(), plan.command(), results,
                (System.nanoTime() - start) / 1e9);
        Path dir = Reporter.write(run, plan.out(),
                new RunContext(data.description(), data.skipped().stream().map(Skipped::toString).toList()));
        return new Outcome(run, dir);
    }

    /** A finished run and the folder holding its report. */
    public record Outcome(RunResult run, Path dir) {
    }

    private static <X> Harness<X> harness(List<Sample<X>> samples, PreparedDataset data, int threads, FoldCache cache) {
        return new Harness<>(samples, data.classNames(), threads, cache);
    }

    /** Clear sentences for datasets no fold can be drawn from, instead of a failure deep inside the harness. */
    private static void requireUsable(PreparedDataset data, Plan plan) {
        if (data.songIds().isEmpty()) {
            throw new UserException(data.name() + " has no usable songs" + (data.skipped().isEmpty() ? ""
                    : " (" + data.skipped().size() + " skipped, first: " + data.skipped().getFirst() + ")"));
        }
        List<String> genres = java.util.Arrays.stream(data.songLabels()).mapToObj(data.classNames()::get).toList();
        requireSplitPossible(data.name(), data.songIds(), genres, plan);
    }

    /**
     * Whether the plan's protocol can be drawn on these songs (one genre per song): at least two genres, and as many
     * songs per genre as folds, or, for the fault-filtered split, GTZAN data. The CLI calls this on the scanned file
     * list before any extraction; {@link #run} again on what preparation kept.
     */
    public static void requireSplitPossible(String dataName, List<String> songIds, List<String> songGenres, Plan plan) {
        java.util.SortedMap<String, Integer> perGenre = new java.util.TreeMap<>();
        for (String g : songGenres) perGenre.merge(g, 1, Integer::sum);
        if (perGenre.size() < 2) {
            throw new UserException(dataName + " has a single class (" + List.copyOf(perGenre.keySet())
                    + "); genre classification needs at least two");
        }
        if (plan.faultFiltered()) {
            FaultFilteredSplit.read(plan.splitsDir()).requireGtzan(dataName, songIds);
            return;
        }
        perGenre.forEach((genre, songs) -> {
            if (songs < plan.folds()) {
                throw new UserException("class '" + genre + "' has " + songs + " song(s), fewer than the "
                        + plan.folds() + " folds; add songs or lower --folds");
            }
        });
    }
}
