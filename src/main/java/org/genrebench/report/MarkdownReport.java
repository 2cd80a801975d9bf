package org.genrebench.report;

import org.genrebench.eval.FoldScores;
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

    static String render(RunResult run, Significance.Pair sig, RunContext context) {
        StringBuilder md = new StringBuilder();
        md.append("# GenreBench — ").append(run.dataset()).append("\n\n");
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
        for (int i = 0; i < folds; i++) md.append(" fold ").append(i).append(" |");
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
        if (sig == null) {
            md.append("Not computed (needs two models and at least two folds).\n");
        } else {
            var r = sig.result();
            md.append(f("Nadeau–Bengio corrected resampled t-test on per-fold song accuracy, %s: **%s** vs **%s**: "
                            + "mean difference %+.3f, t = %.2f, df = %d, p = %.3f%s.%n", sig.why(), sig.a().name(), sig.b().name(),
                    r.meanDifference(), r.t(), r.df(), r.p(), r.p() < 0.05 ? " (significant at 5%)" : " (not significant at 5%)"));
        }

        md.append("\n## Confusion matrices (song level, pooled over folds)\n\n");
        for (ModelResult m : run.models()) md.append("![").append(m.name()).append("](confusion-").append(m.name()).append(".png)\n");
        md.append("\nRaw per-fold predictions: `predictions/<model>/fold-<i>.csv`; machine-readable summary: `summary.json`.\n");

        md.append("\n## Skipped inputs\n\n");
        if (context.skipped().isEmpty()) md.append("None: every input was used.\n");
        else context.skipped().forEach(s -> md.append("- ").append(s).append('\n'));
        return md.toString();
    }

    private static String format(Map<String, String> hp) {
        return hp.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
