package org.genrebench.report;

import org.genrebench.eval.CorrectedResampledTTest;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.FoldScores;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;

import org.genrebench.eval.McNemar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summary.json}: the machine-readable twin of report.md. */
final class SummaryJson {
    private SummaryJson() {
    }

    static String render(RunResult run, List<Significance.Pair> significance, RunContext context, RunStatistics stats) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", run.dataset());
        root.put("data", context.description());
        root.put("protocol", run.protocol());
        root.put("seed", run.seed());
        root.put("command", run.command());
        root.put("classes", run.classNames());
        root.put("repeats", run.repeats());
        root.put("warnings", context.warnings());
        root.put("wall_seconds", run.wallSeconds());
        List<Object> models = new ArrayList<>();
        for (ModelResult m : run.models()) models.add(model(m, run.classNames(), stats.models().get(m.name())));
        root.put("models", models);
        // The best model of each family against the best of every other (or the top two of a one-family run).
        List<Object> tests = new ArrayList<>();
        for (int s = 0; s < significance.size(); s++) {
            Map<String, Object> o = significance(significance.get(s));
            McNemar.Result mc = stats.mcNemar().get(s);
            o.put("mcnemar", ordered("only_a", mc.onlyA(), "only_b", mc.onlyB(), "exact", mc.exact(), "p_value", mc.p()));
            tests.add(o);
        }
        root.put("significance", tests);
        List<Object> pairs = new ArrayList<>();
        for (RunStatistics.PairTest p : stats.pairs()) {
            pairs.add(ordered("a", p.a(), "b", p.b(), "mean_difference", p.test().meanDifference(), "t", p.test().t(),
                    "p_value", p.test().p(), "p_holm", p.holmP()));
        }
        root.put("all_pairs", pairs);
        if (stats.friedman() != null) {
            var fr = stats.friedman();
            Map<String, Object> ranks = new LinkedHashMap<>();
            for (int j = 0; j < run.models().size(); j++) ranks.put(run.models().get(j).name(), fr.averageRanks()[j]);
            root.put("friedman", ordered("blocks", fr.blocks(), "chi_square", fr.chiSquare(), "iman_davenport_f", fr.f(),
                    "p_value", fr.p(), "p_method", fr.method().name().toLowerCase(java.util.Locale.ROOT), "critical_difference", fr.criticalDifference(), "average_ranks", ranks));
        }
        root.put("skipped", context.skipped());
        return Json.write(root);
    }

    private static Map<String, Object> model(ModelResult m, List<String> classes, RunStatistics.ModelStats st) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", m.name());
        o.put("family", m.family());
        o.put("accuracy_mean", m.accuracyMean());
        o.put("accuracy_std", m.accuracyStd());
        o.put("accuracy_ci95_corrected", List.of(st.corrected().low(), st.corrected().high()));
        o.put("accuracy_ci95_bootstrap", List.of(st.bootstrap().low(), st.bootstrap().high()));
        o.put("accuracy_std_over_repeats", st.repeatStd());
        o.put("accuracy_per_repeat", st.repeatMeans());
        o.put("macro_f1_mean", m.macroF1Mean());
        o.put("macro_f1_std", m.macroF1Std());
        o.put("balanced_accuracy_mean", m.balancedAccuracyMean());
        o.put("vote_accuracy_mean", m.voteAccuracyMean());
        o.put("chunk_accuracy_mean", m.chunkAccuracyMean());
        o.put("fit_seconds", m.fitSeconds());
        o.put("predict_seconds", m.predictSeconds());
        o.put("throughput_per_second", m.throughput());
        o.put("accuracy_per_fold", m.perFold(FoldScores::accuracy));
        o.put("macro_f1_per_fold", m.perFold(FoldScores::macroF1));
        o.put("balanced_accuracy_per_fold", m.perFold(FoldScores::balancedAccuracy));
        o.put("chunk_accuracy_per_fold", m.perFold(FoldScores::chunkAccuracy));
        o.put("fit_seconds_per_fold", m.folds().stream().mapToDouble(FoldResult::fitSeconds).toArray());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("precision", m.classPrecisionMean(c));
            scores.put("recall", m.classRecallMean(c));
            scores.put("f1", m.classF1Mean(c));
            scores.put("pooled", ordered("precision", st.report().classes().get(c).precision(), "recall", st.report().classes().get(c).recall(),
                    "f1", st.report().classes().get(c).f1(), "support", st.report().classes().get(c).support()));
            perClass.put(classes.get(c), scores);
        }
        o.put("per_class", perClass);
        o.put("confusion_matrix", Arrays.stream(m.pooledMatrix().counts()).map(r -> Arrays.stream(r).boxed().toList()).toList());
        o.put("hyper_parameters", m.hyperParameters());
        return o;
    }

    private static Map<String, Object> significance(Significance.Pair s) {
        CorrectedResampledTTest.Result r = s.result();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("a", s.a().name());
        o.put("b", s.b().name());
        o.put("why", s.why());
        if (r == null) return o; // one split: McNemar only
        o.put("test", "Nadeau-Bengio corrected resampled t-test on per-fold song accuracy");
        o.put("mean_difference", r.meanDifference());
        o.put("t", r.t());
        o.put("df", r.df());
        o.put("p_value", r.p());
        return o;
    }

    /** A map keeping the given key order (summary.json diffs stay readable). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
