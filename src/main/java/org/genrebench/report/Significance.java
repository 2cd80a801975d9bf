package org.genrebench.report;

import org.genrebench.eval.CorrectedResampledTTest;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.catalog.ModelRegistry;

/** Which two models the report tests against each other: best classical vs best deep, else the top two. */
final class Significance {
    private Significance() {
    }

    record Pair(ModelResult a, ModelResult b, String why, CorrectedResampledTTest.Result result) {
    }

    /** Null when fewer than two models or folds exist. */
    static Pair choose(RunResult run) {
        var classical = run.best(ModelRegistry.CLASSICAL);
        var deep = run.best(ModelRegistry.DEEP);
        ModelResult a;
        ModelResult b;
        String why;
        if (classical.isPresent() && deep.isPresent()) {
            a = classical.get();
            b = deep.get();
            why = "best classical vs best deep";
        } else {
            var top = run.models().stream()
                    .sorted(java.util.Comparator.comparingDouble(ModelResult::accuracyMean).reversed()).limit(2).toList();
            if (top.size() < 2) return null;
            a = top.get(0);
            b = top.get(1);
            why = "best vs runner-up (only one model family in this run)";
        }
        if (a.folds().size() < 2) return null;
        return new Pair(a, b, why, CorrectedResampledTTest.compare(a, b));
    }
}
