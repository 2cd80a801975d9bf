package org.genrebench.report;

import org.genrebench.eval.CorrectedResampledTTest;
import org.genrebench.eval.Friedman;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Several result folders in one table: models × runs (protocols or datasets) with 95 % corrected resampled
 * intervals, the same for chunk accuracy, and a Friedman/Nemenyi CD diagram with the runs as blocks. Reads only
 * each folder's {@code summary.csv}; writes {@code report.md}, {@code summary.csv} (all rows) and {@code cd-diagram.png}.
 */
public final class CombinedReport {
    private CombinedReport() {
    }

    /** One run's per-fold rows for one model. */
    private record Cell(double[] accuracy, double[] chunkAccuracy, double testTrainRatio) {
    }

    private record Run(String label, String protocol, Map<String, Cell> models, List<SummaryCsv.Row> rows) {
    }

    public static Path write(List<Path> runDirs, Path out, String command) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Path dir : runDirs) runs.add(read(dir));
        Set<String> models = new LinkedHashSet<>();
        runs.forEach(r -> models.addAll(r.models().keySet()));

        StringBuilder md = new StringBuilder("# GenreBench — combined report\n\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Runs (the results folders combined; each has its own report.md with bootstrap intervals and all-pairs tests):\n");
        for (Run r : runs) md.append("  - `").append(r.label()).append("`: ").append(r.protocol()).append('\n');
        if (runs.stream().anyMatch(r -> r.protocol().contains("LEAKY"))) {
            md.append("\n> **Warning:** runs marked LEAKY put chunks of one song on both sides of the split; their scores measure "
                    + "recognising songs already heard, not genres. The gap to the song-disjoint runs is the leak.\n");
        }
        table(md, "Song accuracy", "song accuracy (chunk probabilities averaged per song)", runs, models, Cell::accuracy);
        table(md, "Chunk accuracy", "accuracy of individual chunks/windows (the figure tutorials report)", runs, models, Cell::chunkAccuracy);

        List<String> common = models.stream().filter(m -> runs.stream().allMatch(r -> r.models().containsKey(m))).toList();
        if (runs.size() >= 2 && common.size() >= 2) {
            double[][] scores = new double[runs.size()][common.size()];
            for (int b = 0; b < runs.size(); b++) {
                for (int j = 0; j < common.size(); j++) scores[b][j] = mean(runs.get(b).models().get(common.get(j)).accuracy());
            }
            Friedman.Result fr = Friedman.test(scores, 0.05);
            CdDiagram.write(common, fr.averageRanks(), fr.criticalDifference(), "average rank over " + runs.size() + " runs", out.resolve("cd-diagram.png"));
            md.append(f("%n## Critical difference across runs%n%nFriedman over %d runs (blocks) × %d models present in all of them, on mean song "
                            + "accuracy: %s; Nemenyi CD at α = 0.05: %.2f (Demšar 2006).%n%n"
                            + "![critical difference](cd-diagram.png)%n%n| Model | Average rank |%n|---|---|%n",
                    runs.size(), common.size(), MarkdownReport.friedmanStatistics(fr, "run"), fr.criticalDifference()));
            for (int j = 0; j < common.size(); j++) md.append(f("| %s | %.2f |%n", common.get(j), fr.averageRanks()[j]));
        }
        List<SummaryCsv.Row> all = new ArrayList<>();
        for (Run r : runs) all.addAll(r.rows());
        SummaryCsv.write(all, out.resolve("summary.csv"));
        Path report = out.resolve("report.md");
        AtomicFiles.writeString(report, md.toString());
        return report;
    }

    private static void table(StringBuilder md, String title, String what, List<Run> runs, Set<String> models,
                              java.util.function.Function<Cell, double[]> metric) {
        md.append("\n## ").append(title).append("\n\nMean ").append(what).append(", over each run's folds and repeats, with the 95 % "
                + "Nadeau–Bengio corrected resampled interval (Bouckaert–Frank for repeated CV).\n\n| Model |");
        runs.forEach(r -> md.append(' ').append(r.label()).append(" |"));
        md.append("\n|---|").append("---|".repeat(runs.size())).append('\n');
        for (String m : models) {
            md.append("| ").append(m).append(" |");
            for (Run r : runs) {
                Cell c = r.models().get(m);
                if (c == null) {
                    md.append(" — |");
                    continue;
                }
                var ci = CorrectedResampledTTest.interval(metric.apply(c), c.testTrainRatio(), 0.95);
                md.append(f(" %.3f %s |", ci.mean(), MarkdownReport.interval(ci)));
            }
            md.append('\n');
        }
    }

    private static Run read(Path dir) {
        Path csv = dir.resolve("summary.csv");
        if (!Files.isRegularFile(csv)) throw new UserException(dir + " is not a results folder: no summary.csv in it");
        List<SummaryCsv.Row> rows = SummaryCsv.read(csv);
        if (rows.isEmpty()) throw new UserException(csv + " has no rows");
        // per model, in the run's order of first appearance
        Map<String, List<SummaryCsv.Row>> byModel = new LinkedHashMap<>();
        for (SummaryCsv.Row r : rows) byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
        Map<String, Cell> models = new LinkedHashMap<>();
        byModel.forEach((m, folds) -> {
            double ratio = 0;
            for (SummaryCsv.Row f : folds) ratio += (double) f.testSize() / f.trainSize() / folds.size();
            models.put(m, new Cell(folds.stream().mapToDouble(SummaryCsv.Row::songAccuracy).toArray(),
                    folds.stream().mapToDouble(SummaryCsv.Row::chunkAccuracy).toArray(), ratio));
        });
        return new Run(label(dir), rows.getFirst().protocol(), models, rows);
    }

    /** The folder as given, without a leading {@code results/}: dataset names alone can repeat across roots. */
    private static String label(Path dir) {
        String s = dir.normalize().toString().replace('\\', '/');
        return s.startsWith("results/") ? s.substring("results/".length()) : s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
