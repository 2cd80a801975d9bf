package org.genrebench.report;

import org.genrebench.eval.ClassificationReport;
import org.genrebench.eval.CorrectedResampledTTest;
import org.genrebench.eval.Friedman;
import org.genrebench.eval.FoldScores;
import org.genrebench.eval.SongBootstrap;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code report.md}: summary table, per-class F1, per-fold accuracy, hyper-parameters, significance, provenance. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(RunResult run, List<Significance.Pair> significance, RunContext context, RunStatistics stats) {
        StringBuilder md = new StringBuilder();
        md.append("# GenreBench — ").append(run.dataset()).append("\n\n");
        for (String w : context.warnings()) md.append("> **Warning:** ").append(w).append("\n\n");
        if (!context.description().isEmpty()) md.append("- Data: ").append(context.description()).append("\n");
        md.append("- Command: `").append(run.command()).append("`\n");
        md.append("- Seed: ").append(run.seed()).append("\n");
        md.append("- Protocol: ").append(run.protocol()).append("; every model sees the same folds\n");
        md.append("- Classes: ").append(String.join(", ", run.classNames())).append("\n");
        double fitPredict = run.models().stream().mapToDouble(m -> m.fitSeconds() + m.predictSeconds()).sum();
        md.append(f("- Time: %.1f s wall for the whole run; %.1f s fit + predict summed over models and folds%n%n",
                run.wallSeconds(), fitPredict));

        md.append("## Summary\n\n");
        md.append("Scores are on the song (chunk probabilities averaged per song); mean ± sample std over folds. ")
                .append("Vote = song accuracy by majority vote of chunks; chunk = accuracy of individual rows/windows.\n\n");
        md.append("| Model | Family | Song accuracy | Macro-F1 | Balanced acc. | Vote acc. | Chunk acc. | Fit (s, all folds) | Throughput (items/s) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ModelResult m : run.models()) {
            md.append(f("| %s | %s | %.3f ± %.3f | %.3f ± %.3f | %.3f | %.3f | %.3f | %.2f | %.0f |%n", m.name(), m.family(),
                    m.accuracyMean(), m.accuracyStd(), m.macroF1Mean(), m.macroF1Std(), m.balancedAccuracyMean(),
                    m.voteAccuracyMean(), m.chunkAccuracyMean(), m.fitSeconds(), m.throughput()));
        }
        md.append("\n![song accuracy](accuracy.png)\n\n");

        md.append("## Intervals\n\n");
        md.append(f("95 %% confidence intervals of the mean song accuracy over %d %s. *Corrected*: Nadeau–Bengio corrected "
                + "resampled t interval (Bouckaert–Frank for repeated CV: variance × (1/n + n_test/n_train)). *Bootstrap*: "
                + "percentile bootstrap (%d resamples, seed %d) over test songs%s of the pooled out-of-fold song predictions "
                + "(each song scored by the fraction of repeats that got it right).%n%n",
                run.models().isEmpty() ? 0 : run.models().getFirst().folds().size(), run.repeats() > 1 ? "folds (" + run.repeats() + " repeats × "
                        + run.models().getFirst().folds().size() / run.repeats() + ")" : "folds",
                SongBootstrap.RESAMPLES, run.seed(), context.songGroups().values().stream().distinct().count() < context.songGroups().size()
                        ? " (drawn by group: songs of one artist together)" : ""));
        md.append("| Model | Song accuracy | 95 % CI (corrected) | 95 % CI (bootstrap) | Std over repeats | Repeat means |\n|---|---|---|---|---|---|\n");
        for (ModelResult m : run.models()) {
            RunStatistics.ModelStats st = stats.models().get(m.name());
            md.append(f("| %s | %.3f | %s | %s | %s | %s |%n", m.name(), m.accuracyMean(), interval(st.corrected()), interval(st.bootstrap()),
                    run.repeats() > 1 ? f("%.3f", st.repeatStd()) : "—",
                    java.util.Arrays.stream(st.repeatMeans()).mapToObj(v -> f("%.3f", v)).collect(Collectors.joining(" "))));
        }
        md.append('\n');

        md.append("## Per-class F1 (song level, mean over folds)\n\n");
        md.append("| Class |");
        run.models().forEach(m -> md.append(' ').append(m.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(run.models().size())).append('\n');
        for (int c = 0; c < run.classNames().size(); c++) {
            md.append("| ").append(run.classNames().get(c)).append(" |");
            for (ModelResult m : run.models()) md.append(f(" %.3f |", m.classF1Mean(c)));
            md.append('\n');
        }

        int folds = run.models().getFirst().folds().size();
        md.append("\n## Song accuracy per fold\n\n| Model |");
        int perRepeat = folds / run.repeats();
        for (int i = 0; i < folds; i++) md.append(run.repeats() > 1 ? " r" + i / perRepeat + " f" + i % perRepeat : " fold " + i).append(" |");
        md.append("\n|---|").append("---|".repeat(folds)).append('\n');
        for (ModelResult m : run.models()) {
            md.append("| ").append(m.name()).append(" |");
            for (double a : m.perFold(FoldScores::accuracy)) md.append(f(" %.3f |", a));
            md.append('\n');
        }

        md.append("\n## Hyper-parameters\n\n");
        for (ModelResult m : run.models()) {
            List<Map<String, String>> hps = m.hyperParameters();
            if (hps.stream().distinct().count() == 1) {
                md.append("- **").append(m.name()).append("**: ").append(format(hps.getFirst())).append('\n');
            } else {
                md.append("- **").append(m.name()).append("** (chosen per training fold):\n");
                for (int i = 0; i < hps.size(); i++) md.append("  - fold ").append(i).append(": ").append(format(hps.get(i))).append('\n');
            }
        }

        md.append("\n## Significance\n\n");
        if (significance.isEmpty()) md.append("Not computed (needs two models).\n");
        for (int s = 0; s < significance.size(); s++) {
            Significance.Pair sig = significance.get(s);
            var r = sig.result();
            if (s > 0) md.append('\n');
            if (r == null) {
                md.append(f("%s: **%s** vs **%s** on one split (no fold spread; McNemar below).%n", capitalised(sig.why()), sig.a().name(), sig.b().name()));
            } else if (Double.isNaN(r.p())) {
                md.append(f("Nadeau–Bengio corrected resampled t-test on per-fold song accuracy, %s: **%s** vs **%s**: "
                        + "mean difference %+.3f, the same on every fold, so the test is undefined (no spread); see McNemar.%n",
                        sig.why(), sig.a().name(), sig.b().name(), r.meanDifference()));
            } else {
                md.append(f("Nadeau–Bengio corrected resampled t-test on per-fold song accuracy, %s: **%s** vs **%s**: "
                                + "mean difference %+.3f, t = %.2f, df = %d, p = %.3f%s.%n", sig.why(), sig.a().name(), sig.b().name(),
                        r.meanDifference(), r.t(), r.df(), r.p(), r.p() < 0.05 ? " (significant at 5%)" : " (not significant at 5%)"));
            }
            if (s < stats.mcNemar().size()) {
                var mc = stats.mcNemar().get(s);
                md.append(f("%nMcNemar on the same pair's out-of-fold song predictions (first repeat, each song once): %d songs only %s "
                                + "got right, %d only %s; %s, p = %.3f.%n", mc.onlyA(), sig.a().name(), mc.onlyB(), sig.b().name(),
                        mc.exact() ? "exact binomial test" : f("χ² = %.2f (continuity-corrected)", mc.statistic()), mc.p()));
            }
        }
        allPairs(md, run, stats);
        friedman(md, run, stats);

        md.append("\n## Confusion matrices and classification reports (song level, pooled over folds")
                .append(run.repeats() > 1 ? " and repeats: each song counted once per repeat" : "").append(")\n\n");
        for (ModelResult m : run.models()) {
            md.append("### ").append(m.name()).append("\n\n");
            md.append("![").append(m.name()).append("](confusion-").append(m.name()).append(".png)\n\n");
            classificationReport(md, stats.models().get(m.name()).report());
        }
        md.append("\nRaw per-fold predictions: `predictions/<model>/fold-<i>.csv` (fold i of repeat i / k); machine-readable summary: "
                + "`summary.json`, per fold and model: `summary.csv`.\n");

        md.append("\n## Skipped inputs\n\n");
        if (context.skipped().isEmpty()) md.append("None: every input was used.\n");
        else context.skipped().forEach(s -> md.append("- ").append(s).append('\n'));
        return md.toString();
    }

    /** scikit-learn's classification_report as a Markdown table. */
    static void classificationReport(StringBuilder md, ClassificationReport r) {
        md.append("| | precision | recall | f1-score | support |\n|---|---|---|---|---|\n");
        for (ClassificationReport.Row row : r.classes()) md.append(row(row));
        md.append(f("| accuracy | | | %.3f | %d |%n", r.accuracy(), r.total()));
        md.append(row(r.macro())).append(row(r.weighted())).append('\n');
    }

    private static String row(ClassificationReport.Row r) {
        return f("| %s | %.3f | %.3f | %.3f | %d |%n", r.name(), r.precision(), r.recall(), r.f1(), r.support());
    }

    private static void allPairs(StringBuilder md, RunResult run, RunStatistics stats) {
        if (stats.pairs().isEmpty()) return;
        md.append("\n### All pairs\n\nMean song-accuracy difference row − column over the same folds; corrected resampled t-test "
                + "p-value, Holm-adjusted over all ").append(stats.pairs().size()).append(" pairs (**bold**: < 0.05).\n\n| |");
        List<ModelResult> ms = run.models();
        for (int j = 1; j < ms.size(); j++) md.append(' ').append(ms.get(j).name()).append(" |");
        md.append("\n|---|").append("---|".repeat(ms.size() - 1)).append('\n');
        int n = 0;
        for (int i = 0; i < ms.size() - 1; i++) {
            md.append("| ").append(ms.get(i).name()).append(" |");
            for (int j = 1; j < ms.size(); j++) {
                if (j <= i) {
                    md.append(" |");
                    continue;
                }
                RunStatistics.PairTest p = stats.pairs().get(n++);
                String cell = Double.isNaN(p.holmP()) ? f("%+.3f (no spread)", p.test().meanDifference())
                        : f("%+.3f (p=%.3f)", p.test().meanDifference(), p.holmP());
                md.append(' ').append(p.holmP() < 0.05 ? "**" + cell + "**" : cell).append(" |");
            }
            md.append('\n');
        }
    }

    private static void friedman(StringBuilder md, RunResult run, RunStatistics stats) {
        var fr = stats.friedman();
        if (fr == null) return;
        md.append(f("%n### Friedman test and critical difference%n%nFriedman over %d folds × %d models: %s. Nemenyi critical "
                        + "difference at α = %.2f: CD = %.2f (Demšar 2006). The folds share "
                        + "training songs, so they are not the independent blocks the test assumes: read it as a ranking summary.%n%n"
                        + "![critical difference](cd-diagram.png)%n%n| Model | Average rank |%n|---|---|%n",
                fr.blocks(), run.models().size(), friedmanStatistics(fr, "fold"), fr.alpha(), fr.criticalDifference()));
        for (int j = 0; j < run.models().size(); j++) md.append(f("| %s | %.2f |%n", run.models().get(j).name(), fr.averageRanks()[j]));
    }

    /** χ²_F, F_F and the p-value of a Friedman test, saying where the p-value comes from; {@code block}: "fold", "run". */
    static String friedmanStatistics(Friedman.Result fr, String block) {
        String ff = Double.isInfinite(fr.f()) ? "Iman–Davenport F_F unbounded (every " + block + " ranks the models alike)"
                : f("Iman–Davenport F_F = %.2f", fr.f());
        String from = switch (fr.method()) {
            case EXACT -> "exact: every arrangement of each " + block + "'s ranks enumerated";
            case F -> "from F_F";
            case CHI_SQUARE -> "from χ²_F, as F_F is unbounded";
        };
        return f("χ²_F = %.2f, %s, p %s (%s)", fr.chiSquare(), ff, pValue(fr.p()), from);
    }

    /** "= 0.012", or "< 0.0001" where the distribution's tail underflows to 0 in double precision. */
    static String pValue(double p) {
        return p < 1e-4 ? "< 0.0001" : f("= %.3g", p);
    }

    /** An accuracy interval clipped to [0, 1] (the t interval is not bounded); "—" where undefined (one score). */
    static String interval(CorrectedResampledTTest.Interval ci) {
        if (Double.isNaN(ci.low())) return "—";
        return f("[%.3f, %.3f]", Math.max(0, ci.low()), Math.min(1, ci.high()));
    }

    private static String format(Map<String, String> hp) {
        return hp.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
