package org.genrebench.report;

import org.genrebench.eval.CorrectedResampledTTest;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.model.Family;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which models the report tests against each other: the best model of each family against the best of every other
 * family present (classical vs from scratch, classical vs pre-trained, from scratch vs pre-trained), or, with one
 * family, the top two.
 */
final class Significance {
    private Significance() {
    }

    /** @param result the corrected resampled t-test; null for a single split (one fold), where McNemar alone applies */
    record Pair(ModelResult a, ModelResult b, String why, CorrectedResampledTTest.Result result) {
    }

    /** Empty when fewer than two models exist. */
    static List<Pair> choose(RunResult run) {
        List<ModelResult> best = new ArrayList<>();
        for (Family f : Family.values()) run.best(f.id()).ifPresent(best::add);
        List<Pair> pairs = new ArrayList<>();
        if (best.size() >= 2) {
            for (int i = 0; i < best.size(); i++) {
                for (int j = i + 1; j < best.size(); j++) {
                    ModelResult a = best.get(i), b = best.get(j);
                    pair(a, b, "best " + name(a) + " vs best " + name(b)).ifPresent(pairs::add);
                }
            }
            return pairs;
        }
        List<ModelResult> top = run.models().stream().sorted(Comparator.comparingDouble(ModelResult::accuracyMean).reversed()).limit(2).toList();
        if (top.size() == 2) pair(top.get(0), top.get(1), "best vs runner-up (only one model family in this run)").ifPresent(pairs::add);
        return pairs;
    }

    private static Optional<Pair> pair(ModelResult a, ModelResult b, String why) {
        return Optional.of(new Pair(a, b, why, a.folds().size() < 2 ? null : CorrectedResampledTTest.compare(a, b)));
    }

    /** How the report names a model's family: classical, deep (from scratch), pretrained. */
    private static String name(ModelResult m) {
        return switch (Family.of(m.family())) {
            case CLASSICAL -> "classical";
            case FROM_SCRATCH -> "deep";
            case PRETRAINED -> "pre-trained";
        };
    }
}
