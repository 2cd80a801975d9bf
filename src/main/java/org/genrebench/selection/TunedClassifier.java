package org.genrebench.selection;

import org.genrebench.eval.SongAggregator;

import org.genrebench.model.GenreClassifier;
import org.genrebench.dataset.Sample;
import org.genrebench.split.Fold;
import org.genrebench.split.StratifiedGroupKFold;

import java.io.IOException;
import org.genrebench.model.EstimatorState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code --tune}: grid search by inner song-disjoint k-fold CV on the training fold it is given (so the outer test
 * fold is never seen), scored by song accuracy; the winner is then refitted on the whole training fold. A training
 * fold with fewer songs (groups) than k is searched by leave-one-song-out, one inner fold per song.
 */
public final class TunedClassifier<X> implements CrossValidated<X> {
    private final Tunable<X> entry;
    private final List<Map<String, String>> grid;
    private final long seed;
    private final int innerFolds;
    /** @param outOfFold the winner's inner out-of-fold probabilities, row by row of the training fold (null: no search) */
    record Choice(Map<String, String> params, double innerAccuracy, double[][] outOfFold, int folds) {
    }

    /**
     * One candidate's inner CV on a training fold: its song accuracy averaged over the inner folds, and its
     * probabilities for each training row from the inner fold that held the row out.
     */
    public record CandidateScore(double score, double[][] outOfFold) implements java.io.Serializable {
    }

    private final List<CandidateScore> precomputed;
    private final TuningChoices choices;
    private GenreClassifier<X> best;
    private Choice choice;

    /** Tunes over the entry's own grid, reusing (and adding to) the searches already in {@code choices}. */
    public TunedClassifier(Tunable<X> entry, long seed, int innerFolds, TuningChoices choices) {
        this(entry, entry.grid(), seed, innerFolds, null, choices);
    }

    /**
     * Tunes over the entry's own grid with the search already run elsewhere ({@link #scoreCandidate} for each
     * candidate, in grid order, on the training fold later passed to {@link #fit}): fit picks the winner and refits it.
     */
    public TunedClassifier(Tunable<X> entry, long seed, int innerFolds, List<CandidateScore> precomputed, TuningChoices choices) {
        this(entry, entry.grid(), seed, innerFolds, precomputed, choices);
        if (precomputed.size() != grid.size()) {
            throw new IllegalArgumentException(entry.name() + ": " + precomputed.size() + " scores for " + grid.size() + " candidates");
        }
    }

    private TunedClassifier(Tunable<X> entry, List<Map<String, String>> grid, long seed, int innerFolds, List<CandidateScore> precomputed,
                            TuningChoices choices) {
        this.entry = entry;
        this.grid = List.copyOf(grid);
        this.seed = seed;
        this.innerFolds = innerFolds;
        this.precomputed = precomputed == null ? null : List.copyOf(precomputed);
        this.choices = choices;
    }

    /** The entry with its default hyper-parameters: nothing to choose, so no inner CV and no out-of-fold probabilities. */
    public static <X> TunedClassifier<X> atDefaults(Tunable<X> entry, long seed, TuningChoices choices) {
        return new TunedClassifier<>(entry, List.of(Map.of()), seed, 0, null, choices);
    }

    @Override
    public String name() {
        return entry.name();
    }

    @Override
    public void fit(List<Sample<X>> train, int numClasses) {
        if (grid.size() == 1) {
            choice = new Choice(grid.getFirst(), Double.NaN, null, 0); // a one-candidate grid has nothing to choose
        } else {
            TuningChoices.Key key = new TuningChoices.Key(entry.name(), seed, innerFolds, numClasses, grid, List.copyOf(train));
            Choice found = precomputed != null ? choose(precomputed, innerFoldCount(train)) : choices.find(key);
            if (found == null) {
                found = search(train, numClasses);
                choices.record(key, found);
            }
            choice = found;
        }
        best = entry.create(choice.params(), seed, choices);
        best.fit(train, numClasses);
    }

    /**
     * The grid search itself: every (candidate, inner fold) pair is an independent seeded fit, so they run on a
     * parallel stream (the common pool: all cores) and are summed in a fixed order, which keeps the choice identical
     * from run to run.
     */
    private Choice search(List<Sample<X>> train, int numClasses) {
        List<Fold> inner = innerSplit(train);
        double[][][] proba = IntStream.range(0, grid.size() * inner.size()).parallel()
                .mapToObj(job -> innerProba(grid.get(job / inner.size()), train, inner.get(job % inner.size()), numClasses))
                .toArray(double[][][]::new);
        return choose(IntStream.range(0, grid.size())
                .mapToObj(c -> score(train, inner, Arrays.copyOfRange(proba, c * inner.size(), (c + 1) * inner.size()), numClasses))
                .toList(), inner.size());
    }

    /**
     * The inner CV of candidate {@code candidate} of the grid on {@code train}: the unit of work a cluster engine
     * runs as one task, giving exactly what {@link #fit}'s own search computes for that candidate.
     */
    public CandidateScore scoreCandidate(List<Sample<X>> train, int numClasses, int candidate) {
        List<Fold> inner = innerSplit(train);
        Map<String, String> params = grid.get(candidate);
        double[][][] proba = inner.stream().map(f -> innerProba(params, train, f, numClasses)).toArray(double[][][]::new);
        return score(train, inner, proba, numClasses);
    }

    private List<Fold> innerSplit(List<Sample<X>> train) {
        return new StratifiedGroupKFold(innerFoldCount(train), seed)
                .split(train.stream().map(Sample::groupId).toList(), train.stream().mapToInt(Sample::label).toArray());
    }

    /** {@link #innerFolds}, or one per song (group) when the training fold has fewer. */
    private int innerFoldCount(List<Sample<X>> train) {
        return (int) Math.min(innerFolds, train.stream().map(Sample::groupId).distinct().count());
    }

    /** Mean inner song accuracy (summed in fold order) and the out-of-fold rows of one candidate. */
    private static <X> CandidateScore score(List<Sample<X>> train, List<Fold> inner, double[][][] proba, int numClasses) {
        double score = 0;
        for (int f = 0; f < inner.size(); f++) score += SongAggregator.songAccuracy(train, inner.get(f).test(), proba[f], numClasses) / inner.size();
        double[][] outOfFold = new double[train.size()][];
        for (int f = 0; f < inner.size(); f++) {
            int[] rows = inner.get(f).test();
            for (int r = 0; r < rows.length; r++) outOfFold[rows[r]] = proba[f][r];
        }
        return new CandidateScore(score, outOfFold);
    }

    private Choice choose(List<CandidateScore> scores, int folds) {
        double bestScore = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int c = 0; c < scores.size(); c++) {
            if (scores.get(c).score() > bestScore) { // strict: the earlier (default-first) candidate wins ties
                bestScore = scores.get(c).score();
                best = c;
            }
        }
        return new Choice(grid.get(best), bestScore, scores.get(best).outOfFold(), folds);
    }

    @Override
    public GenreClassifier<X> best() {
        if (best == null) throw new IllegalStateException(name() + " is not fitted");
        return best;
    }

    @Override
    public double[][] outOfFoldProba() {
        if (best == null) throw new IllegalStateException(name() + " is not fitted");
        return choice.outOfFold();
    }

    /** Probabilities of a candidate fitted on the inner training part, for the rows of the inner test part. */
    private double[][] innerProba(Map<String, String> params, List<Sample<X>> train, Fold f, int numClasses) {
        GenreClassifier<X> model = entry.create(params, seed, choices);
        model.fit(Arrays.stream(f.train()).mapToObj(train::get).toList(), numClasses);
        return model.predictProba(Arrays.stream(f.test()).mapToObj(i -> train.get(i).input()).toList());
    }

    @Override
    public double[][] predictProba(List<X> inputs) {
        return best.predictProba(inputs);
    }

    @Override
    public Map<String, String> hyperParameters() {
        Map<String, String> hp = new LinkedHashMap<>(best.hyperParameters());
        if (grid.size() > 1) {
            hp.put("tuned", String.join(" ", new java.util.TreeSet<>(choice.params().keySet())) + " by inner " + choice.folds() + "-fold song CV over "
                    + grid.size() + " candidates (inner acc " + String.format(java.util.Locale.ROOT, "%.3f", choice.innerAccuracy()) + ")");
        }
        return hp;
    }

    @Override
    public EstimatorState state() throws IOException {
        return best().state(); // the refitted winner is the model; the search is history
    }
}
