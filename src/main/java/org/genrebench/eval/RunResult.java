package org.genrebench.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one {@code compare} run produced, as handed to the reporter.
 *
 * @param dataset     short dataset name; the reporter writes under {@code results/<dataset>/}
 * @param classNames  class names, indexed by label
 * @param protocol    e.g. {@code 5-fold stratified song-disjoint} or {@code fault-filtered}
 * @param seed        the seed of folds and models
 * @param command     the exact command line that produced the run
 * @param models      one result per model, in the order requested
 * @param wallSeconds wall time of the whole harness run
 * @param repeats     independent draws of the protocol; each model's folds are the repeats' folds one after another
 */
public record RunResult(String dataset, List<String> classNames, String protocol, long seed, String command,
                        List<ModelResult> models, double wallSeconds, int repeats) {
    public RunResult {
        classNames = List.copyOf(classNames);
        models = List.copyOf(models);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1");
    }

    /** A run of a single draw. */
    public RunResult(String dataset, List<String> classNames, String protocol, long seed, String command,
                     List<ModelResult> models, double wallSeconds) {
        this(dataset, classNames, protocol, seed, command, models, wallSeconds, 1);
    }

    /** The model of a family with the highest mean song accuracy. */
    public Optional<ModelResult> best(String family) {
        return models.stream().filter(m -> m.family().equals(family))
                .max(Comparator.comparingDouble(ModelResult::accuracyMean));
    }
}
