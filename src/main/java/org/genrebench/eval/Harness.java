package org.genrebench.eval;

import org.genrebench.model.GenreClassifier;
import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Samples;
import org.genrebench.split.Fold;
import org.genrebench.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs every model on the same folds and scores it on the song. Generic over the input type, so feature rows
 * ({@code Sample<double[]>}) and spectrogram windows ({@code Sample<float[]>}) go through the same code.
 *
 * <p>Each (model, fold) gets a fresh model from its factory and sees only the training items of that fold; nothing
 * here looks at feature values, so all preprocessing happens inside {@link GenreClassifier#fit}.
 */
public final class Harness<X> {

    /**
     * @param family  {@code classical} or {@code deep}
     * @param factory a new, unfitted model per call (one per fold)
     */
    public record ModelSpec<X>(String name, String family, Supplier<GenreClassifier<X>> factory) {
    }

    /** What the caller wants to say in the report about the run. */
    public record RunInfo(String dataset, String protocol, long seed, String command) {
    }

    /** Progress callbacks; called from worker threads, one call at a time. */
    public interface Listener {
        default void foldDone(FoldResult result, boolean fromCache) {
        }

        default void modelDone(ModelResult result) {
        }
    }

    private final List<Sample<X>> samples;
    private final List<String> classNames;
    private final int threads;
    private final FoldCache cache;

    /**
     * @param threads (model, fold) pairs trained at once; models may use more threads internally
     * @param cache   finished folds to reuse and where to keep new ones ({@link FoldCache#NONE} for none)
     */
    public Harness(List<Sample<X>> samples, List<String> classNames, int threads, FoldCache cache) {
        this.samples = java.util.Collections.unmodifiableList(samples); // not a copy: mel windows may be read from disk
        this.classNames = List.copyOf(classNames);
        this.threads = Math.max(1, threads);
        this.cache = cache;
    }

    /** One (model, fold) fit to run; {@code model} and {@code position} index the run's model and fold lists. */
    public record FoldTask<X>(int model, int position, ModelSpec<X> spec, Fold fold) {
    }

    /**
     * Runs a batch of (model, fold) fits, each through {@link #fit}, and hands every result to {@code done} as it
     * finishes (any thread, one call at a time is not required). The harness's own executor is a thread pool; a
     * cluster engine is another.
     */
    public interface FoldExecutor<X> {
        void run(List<Sample<X>> samples, List<String> classNames, List<FoldTask<X>> tasks,
                 BiConsumer<FoldTask<X>, FoldResult> done);
    }

    public RunResult run(RunInfo info, List<ModelSpec<X>> models, List<Fold> folds, Listener listener) {
        return run(info, models, folds, listener, threadPool(threads));
    }

    /** {@link #run(RunInfo, List, List, Listener)} with the fits handed to {@code executor}. */
    public RunResult run(RunInfo info, List<ModelSpec<X>> models, List<Fold> folds, Listener listener, FoldExecutor<X> executor) {
        long start = System.nanoTime();
        int[] remaining = new int[models.size()];
        Arrays.fill(remaining, folds.size());
        FoldResult[][] done = new FoldResult[models.size()][folds.size()];
        ModelResult[] results = new ModelResult[models.size()];
        List<FoldTask<X>> pending = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            for (int position = 0; position < folds.size(); position++) {
                Fold fold = folds.get(position);
                FoldTask<X> task = new FoldTask<>(m, position, models.get(m), fold);
                var cached = cache.load(task.spec().name(), fold);
                if (cached.isPresent()) record(task, cached.get(), true, done, remaining, results, listener);
                else pending.add(task);
            }
        }
        executor.run(samples, classNames, pending, (task, r) -> {
            cache.save(r);
            record(task, r, false, done, remaining, results, listener);
        });
        double wall = (System.nanoTime() - start) / 1e9;
        return new RunResult(info.dataset(), classNames, info.protocol(), info.seed(), info.command(), List.of(results), wall);
    }

    private void record(FoldTask<X> task, FoldResult r, boolean fromCache, FoldResult[][] done, int[] remaining,
                        ModelResult[] results, Listener listener) {
        synchronized (done) {
            int m = task.model();
            done[m][task.position()] = r;
            listener.foldDone(r, fromCache);
            if (--remaining[m] == 0) {
                results[m] = ModelResult.of(task.spec().name(), task.spec().family(), List.of(done[m]), classNames.size());
                listener.modelDone(results[m]);
            }
        }
    }

    /** The harness's own executor: {@code threads} fits at once on this machine. */
    public static <X> FoldExecutor<X> threadPool(int threads) {
        return (samples, classNames, tasks, done) -> Parallel.forEachOrdered(tasks, threads, "harness", task -> {
            done.accept(task, fit(samples, classNames.size(), task.spec(), task.fold()));
            return task;
        }, task -> { });
    }

    /** Fits a fresh model on the fold's training items and predicts its test items. */
    public static <X> FoldResult fit(List<Sample<X>> samples, int numClasses, ModelSpec<X> spec, Fold fold) {
        // views, not copies: mel windows may be read from disk on access (dataset.MelWindowStore)
        List<Sample<X>> train = Samples.select(samples, fold.train());
        List<Sample<X>> test = Samples.select(samples, fold.test());
        GenreClassifier<X> model = spec.factory().get();
        long t0 = System.nanoTime();
        model.fit(train, numClasses);
        long t1 = System.nanoTime();
        double[][] proba = model.predictProba(Samples.inputs(test));
        long t2 = System.nanoTime();
        if (proba.length != test.size()) {
            throw new IllegalStateException(spec.name() + " returned " + proba.length + " rows for " + test.size() + " inputs");
        }
        return new FoldResult(spec.name(), fold.index(), train.size(), fold.test(),
                test.stream().map(Sample::songId).toList(), test.stream().mapToInt(Sample::label).toArray(),
                proba, (t1 - t0) / 1e9, (t2 - t1) / 1e9, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model.hyperParameters())));
    }
}
