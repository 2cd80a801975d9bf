package org.genrebench.eval;


import org.genrebench.model.GenreClassifier;
import org.genrebench.dataset.Sample;
import org.genrebench.split.Fold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        this.samples = List.copyOf(samples);
        this.classNames = List.copyOf(classNames);
        this.threads = Math.max(1, threads);
        this.cache = cache;
    }

    public RunResult run(RunInfo info, List<ModelSpec<X>> models, List<Fold> folds, Listener listener) {
        long start = System.nanoTime();
        int[] remaining = new int[models.size()];
        Arrays.fill(remaining, folds.size());
        FoldResult[][] done = new FoldResult[models.size()][folds.size()];
        ModelResult[] results = new ModelResult[models.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "harness");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int m = 0; m < models.size(); m++) {
                for (int position = 0; position < folds.size(); position++) {
                    Fold fold = folds.get(position);
                    int mi = m;
                    int fi = position;
                    futures.add(pool.submit(() -> {
                        ModelSpec<X> spec = models.get(mi);
                        var cached = cache.load(spec.name(), fold);
                        FoldResult r = cached.orElseGet(() -> runFold(spec, fold));
                        if (cached.isEmpty()) cache.save(r);
                        synchronized (done) {
                            done[mi][fi] = r;
                            listener.foldDone(r, cached.isPresent());
                            if (--remaining[mi] == 0) {
                                results[mi] = ModelResult.of(spec.name(), spec.family(), List.of(done[mi]), classNames.size());
                                listener.modelDone(results[mi]);
                            }
                        }
                    }));
                }
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new RunResult(info.dataset(), classNames, info.protocol(), info.seed(), info.command(), List.of(results), wall);
    }

    /** Fits a fresh model on the fold's training items and predicts its test items. */
    FoldResult runFold(ModelSpec<X> spec, Fold fold) {
        List<Sample<X>> train = Arrays.stream(fold.train()).mapToObj(samples::get).toList();
        List<Sample<X>> test = Arrays.stream(fold.test()).mapToObj(samples::get).toList();
        GenreClassifier<X> model = spec.factory().get();
        long t0 = System.nanoTime();
        model.fit(train, classNames.size());
        long t1 = System.nanoTime();
        double[][] proba = model.predictProba(test.stream().map(Sample::input).toList());
        long t2 = System.nanoTime();
        if (proba.length != test.size()) {
            throw new IllegalStateException(spec.name() + " returned " + proba.length + " rows for " + test.size() + " inputs");
        }
        return new FoldResult(spec.name(), fold.index(), train.size(), fold.test(),
                test.stream().map(Sample::songId).toList(), test.stream().mapToInt(Sample::label).toArray(),
                proba, (t1 - t0) / 1e9, (t2 - t1) / 1e9, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model.hyperParameters())));
    }
}
