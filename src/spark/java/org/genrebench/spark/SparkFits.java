package org.genrebench.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.Harness;
import org.genrebench.selection.TunedClassifier;
import org.genrebench.selection.TuningChoices;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.split.Fold;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.function.BiConsumer;

/**
 * The classical grid as Spark tasks over one broadcast feature table. Under {@code tune}, stage 1 scores every
 * (model, fold, candidate) of a model with more than one candidate by the inner CV, one task each; stage 2 fits
 * every (model, fold), the tuned ones picking their winner from stage 1's scores, exactly as
 * {@link TunedClassifier} would on one machine. Models are rebuilt on the executors from their registry names, so
 * only names, indices and numbers travel.
 */
final class SparkFits implements Harness.FoldExecutor<double[]> {
    private final JavaSparkContext jsc;
    private final long seed;
    private final boolean tune;
    private final HashMap<String, Map<String, String>> params;

    SparkFits(JavaSparkContext jsc, long seed, boolean tune, Map<String, Map<String, String>> params) {
        this.jsc = jsc;
        this.seed = seed;
        this.tune = tune;
        this.params = new HashMap<>();
        params.forEach((model, p) -> this.params.put(model, new HashMap<>(p))); // serialisable copies for the tasks
    }

    /** One candidate of one tuned (model, fold). */
    private record CandidateJob(int task, String model, int[] train, int candidate) implements Serializable {
    }

    private record CandidateResult(int task, int candidate, TunedClassifier.CandidateScore score) implements Serializable {
    }

    /** One (model, fold) fit; {@code scores} null unless stage 1 tuned it. */
    private record FitJob(int task, String model, int fold, int[] train, int[] test,
                          ArrayList<TunedClassifier.CandidateScore> scores) implements Serializable {
    }

    private record FitResult(int task, FoldResult result) implements Serializable {
    }

    @Override
    public void run(List<Sample<double[]>> samples, List<String> classNames, List<Harness.FoldTask<double[]>> tasks,
                    BiConsumer<Harness.FoldTask<double[]>, FoldResult> done) {
        if (tasks.isEmpty()) return;
        Broadcast<SampleTable> table = jsc.broadcast(new SampleTable(samples));
        int numClasses = classNames.size();
        long seed = this.seed;
        boolean tune = this.tune;
        HashMap<String, Map<String, String>> params = this.params;
        try {
            List<CandidateJob> candidates = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                String model = tasks.get(t).spec().name();
                int grid = ModelRegistry.classical(model).grid().size();
                if (!tune || grid < 2) continue;
                for (int c = 0; c < grid; c++) candidates.add(new CandidateJob(t, model, tasks.get(t).fold().train(), c));
            }
            List<CandidateResult> scored = candidates.isEmpty() ? List.of()
                    : jsc.parallelize(candidates, candidates.size()).map(j -> {
                        var entry = ModelRegistry.classical(j.model());
                        var tuner = new TunedClassifier<>(entry, seed, ModelRegistry.INNER_FOLDS, new TuningChoices());
                        return new CandidateResult(j.task(), j.candidate(),
                                tuner.scoreCandidate(table.value().rows(j.train()), numClasses, j.candidate()));
                    }).collect();

            List<FitJob> fits = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                Harness.FoldTask<double[]> task = tasks.get(t);
                int tt = t;
                List<CandidateResult> mine = scored.stream().filter(r -> r.task() == tt).toList();
                ArrayList<TunedClassifier.CandidateScore> scores = null;
                if (!mine.isEmpty()) {
                    scores = new ArrayList<>(mine.size());
                    for (int c = 0; c < mine.size(); c++) scores.add(null);
                    for (CandidateResult r : mine) scores.set(r.candidate(), r.score());
                }
                fits.add(new FitJob(t, task.spec().name(), task.fold().index(), task.fold().train(), task.fold().test(), scores));
            }
            List<FitResult> results = jsc.parallelize(fits, fits.size()).map(j -> {
                var entry = ModelRegistry.classical(j.model());
                TuningChoices choices = new TuningChoices(); // one fit's searches (the vote's members)
                Harness.ModelSpec<double[]> spec = j.scores() == null
                        ? ModelRegistry.spec(entry, seed, tune, params.getOrDefault(j.model(), Map.of()), choices)
                        : new Harness.ModelSpec<>(entry.name(), entry.family().id(),
                        () -> new TunedClassifier<>(entry, seed, ModelRegistry.INNER_FOLDS, j.scores(), choices));
                return new FitResult(j.task(), Harness.fit(table.value().samples(), numClasses, spec, new Fold(j.fold(), j.train(), j.test())));
            }).collect();
            for (FitResult r : results) done.accept(tasks.get(r.task()), r.result());
        } finally {
            table.destroy();
        }
    }
}
