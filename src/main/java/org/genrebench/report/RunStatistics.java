package org.genrebench.report;

import org.genrebench.eval.ClassificationReport;
import org.genrebench.eval.CorrectedResampledTTest;
import org.genrebench.eval.CorrectedResampledTTest.Interval;
import org.genrebench.eval.FoldScores;
import org.genrebench.eval.Friedman;
import org.genrebench.eval.Holm;
import org.genrebench.eval.McNemar;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.PooledSongs;
import org.genrebench.eval.RunResult;
import org.genrebench.eval.SongBootstrap;
import org.genrebench.eval.Stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every statistic the report prints about one run, computed once: intervals per model, the all-pairs table with
 * Holm-adjusted corrected-resampled p-values, McNemar for the significance pair, Friedman/Nemenyi over the folds
 * and a classification report per model. All of it works on stored predictions, so it costs milliseconds.
 */
record RunStatistics(Map<String, ModelStats> models, List<PairTest> pairs, List<McNemar.Result> mcNemar, Friedman.Result friedman) {
    static final double LEVEL = 0.95;

    /**
     * @param corrected      Nadeau–Bengio (Bouckaert–Frank for r×k) interval of the mean song accuracy over all folds
     * @param bootstrap      percentile bootstrap over test songs (groups) of the pooled out-of-fold song accuracy
     * @param repeatStd      sample std of the per-repeat mean accuracies (0 for one repeat)
     * @param repeatMeans    mean song accuracy of each repeat
     */
    record ModelStats(Interval corrected, Interval bootstrap, double repeatStd, double[] repeatMeans,
                      ClassificationReport report) {
    }

    /** Row model minus column model, with the raw and Holm-adjusted two-sided p-values. */
    record PairTest(String a, String b, CorrectedResampledTTest.Result test, double holmP) {
    }

    static RunStatistics of(RunResult run, RunContext context, List<Significance.Pair> significance) {
        int perRepeat = run.models().isEmpty() ? 1 : run.models().getFirst().folds().size() / run.repeats();
        Map<String, ModelStats> models = new LinkedHashMap<>();
        for (ModelResult m : run.models()) {
            double[] acc = m.perFold(FoldScores::accuracy);
            double[] repeatMeans = new double[run.repeats()];
            for (int r = 0; r < run.repeats(); r++) {
                double sum = 0;
                for (int f = 0; f < perRepeat; f++) sum += acc[r * perRepeat + f];
                repeatMeans[r] = sum / perRepeat;
            }
            PooledSongs pooled = PooledSongs.of(m, perRepeat);
            Interval boot = SongBootstrap.percentile(pooled.fractionCorrect(), pooled.songs().stream().map(context::groupOf).toList(),
                    SongBootstrap.RESAMPLES, run.seed(), LEVEL);
            models.put(m.name(), new ModelStats(CorrectedResampledTTest.interval(acc, CorrectedResampledTTest.testTrainRatio(m), LEVEL),
                    boot, Stats.std(repeatMeans), repeatMeans, ClassificationReport.of(m.pooledMatrix(), run.classNames())));
        }

        List<PairTest> pairs = new ArrayList<>();
        List<CorrectedResampledTTest.Result> raw = new ArrayList<>();
        List<ModelResult> ms = run.models();
        boolean testable = !ms.isEmpty() && ms.getFirst().folds().size() >= 2;
        if (testable) {
            for (int i = 0; i < ms.size(); i++) {
                for (int j = i + 1; j < ms.size(); j++) raw.add(CorrectedResampledTTest.compare(ms.get(i), ms.get(j)));
            }
            double[] holm = Holm.adjust(raw.stream().mapToDouble(CorrectedResampledTTest.Result::p).toArray());
            int n = 0;
            for (int i = 0; i < ms.size(); i++) {
                for (int j = i + 1; j < ms.size(); j++, n++) pairs.add(new PairTest(ms.get(i).name(), ms.get(j).name(), raw.get(n), holm[n]));
            }
        }

        List<McNemar.Result> mcNemar = new ArrayList<>();
        for (Significance.Pair sig : significance) {
            Map<String, Boolean> a = PooledSongs.of(sig.a(), perRepeat).firstRepeatCorrect();
            Map<String, Boolean> b = PooledSongs.of(sig.b(), perRepeat).firstRepeatCorrect();
            List<String> both = a.keySet().stream().filter(b::containsKey).toList();
            boolean[] ac = new boolean[both.size()];
            boolean[] bc = new boolean[both.size()];
            for (int i = 0; i < both.size(); i++) {
                ac[i] = a.get(both.get(i));
                bc[i] = b.get(both.get(i));
            }
            mcNemar.add(McNemar.test(ac, bc));
        }

        Friedman.Result friedman = null;
        if (testable && ms.size() >= 2) {
            int blocks = ms.getFirst().folds().size();
            double[][] scores = new double[blocks][ms.size()];
            for (int j = 0; j < ms.size(); j++) {
                double[] acc = ms.get(j).perFold(FoldScores::accuracy);
                for (int b = 0; b < blocks; b++) scores[b][j] = acc[b];
            }
            friedman = Friedman.test(scores, 1 - LEVEL);
        }
        return new RunStatistics(models, pairs, mcNemar, friedman);
    }
}
