package org.genrebench.eval;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * All folds of one model, with the summaries the reporter prints (mean ± sample std over folds).
 *
 * @param family {@code classical} or {@code deep}; the significance test pairs the best of each
 */
public record ModelResult(String name, String family, List<FoldResult> folds, List<FoldScores> scores) {
    public ModelResult {
        folds = List.copyOf(folds);
        scores = List.copyOf(scores);
    }

    public static ModelResult of(String name, String family, List<FoldResult> folds, int numClasses) {
        return new ModelResult(name, family, folds, folds.stream().map(f -> FoldScores.of(f, numClasses)).toList());
    }

    public double[] perFold(ToDoubleFunction<FoldScores> metric) {
        return scores.stream().mapToDouble(metric).toArray();
    }

    public double accuracyMean() {
        return Stats.mean(perFold(FoldScores::accuracy));
    }

    public double accuracyStd() {
        return Stats.std(perFold(FoldScores::accuracy));
    }

    public double macroF1Mean() {
        return Stats.mean(perFold(FoldScores::macroF1));
    }

    public double macroF1Std() {
        return Stats.std(perFold(FoldScores::macroF1));
    }

    public double balancedAccuracyMean() {
        return Stats.mean(perFold(FoldScores::balancedAccuracy));
    }

    public double voteAccuracyMean() {
        return Stats.mean(perFold(FoldScores::songVoteAccuracy));
    }

    public double chunkAccuracyMean() {
        return Stats.mean(perFold(FoldScores::chunkAccuracy));
    }

    /** Total fit time over all folds. */
    public double fitSeconds() {
        return folds.stream().mapToDouble(FoldResult::fitSeconds).sum();
    }

    public double predictSeconds() {
        return folds.stream().mapToDouble(FoldResult::predictSeconds).sum();
    }

    /** Test items predicted per second, pooled over folds. */
    public double throughput() {
        double items = folds.stream().mapToInt(f -> f.proba().length).sum();
        return items / Math.max(predictSeconds(), 1e-9);
    }

    /** Song-level confusion matrix pooled over folds. */
    public ConfusionMatrix pooledMatrix() {
        ConfusionMatrix sum = new ConfusionMatrix(scores.getFirst().songMatrix().size());
        for (FoldScores s : scores) sum = sum.plus(s.songMatrix());
        return sum;
    }

    /** Mean over folds of one class's song-level F1 (likewise precision and recall). */
    public double classF1Mean(int c) {
        return Stats.mean(perFold(s -> s.songMatrix().f1(c)));
    }

    public double classPrecisionMean(int c) {
        return Stats.mean(perFold(s -> s.songMatrix().precision(c)));
    }

    public double classRecallMean(int c) {
        return Stats.mean(perFold(s -> s.songMatrix().recall(c)));
    }

    /** Hyper-parameters of each fold (they differ across folds only when tuned). */
    public List<Map<String, String>> hyperParameters() {
        return folds.stream().map(FoldResult::hyperParameters).toList();
    }
}
