package org.genrebench.report;

import org.genrebench.util.AtomicFiles;

import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one run under {@code <out>/<dataset>/}: report.md, summary.json, summary.csv, accuracy.png, cd-diagram.png,
 * confusion-&lt;model&gt;.png.
 * (Per-fold predictions are written as folds finish, by {@link PredictionFiles}.) Every file is written atomically.
 */
public final class Reporter {
    private Reporter() {
    }

    /** The folder a run of {@code dataset} writes to. */
    public static Path runDir(Path out, String dataset) {
        return out.resolve(dataset);
    }

    public static Path write(RunResult run, Path out) throws IOException {
        return write(run, out, RunContext.NONE);
    }

    public static Path write(RunResult run, Path out, RunContext context) throws IOException {
        return writeInto(runDir(out, run.dataset()), run, context);
    }

    /** Writes the run's files into {@code dir}; returns {@code dir}. */
    public static Path writeInto(Path dir, RunResult run, RunContext context) throws IOException {
        List<Significance.Pair> sig = Significance.choose(run);
        RunStatistics stats = RunStatistics.of(run, context, sig);
        AtomicFiles.writeString(dir.resolve("summary.json"), SummaryJson.render(run, sig, context, stats));
        SummaryCsv.write(run, dir.resolve("summary.csv"));
        if (stats.friedman() != null) {
            CdDiagram.write(run.models().stream().map(ModelResult::name).toList(), stats.friedman().averageRanks(),
                    stats.friedman().criticalDifference(), run.dataset() + ": average rank over " + stats.friedman().blocks() + " folds",
                    dir.resolve("cd-diagram.png"));
        }
        Charts.accuracyBars(run, dir.resolve("accuracy.png"));
        for (ModelResult m : run.models()) Charts.confusion(m, run.classNames(), dir.resolve("confusion-" + m.name() + ".png"));
        AtomicFiles.writeString(dir.resolve("report.md"), MarkdownReport.render(run, sig, context, stats));
        return dir;
    }
}
