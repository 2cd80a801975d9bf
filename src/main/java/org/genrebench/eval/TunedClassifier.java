package org.genrebench.eval;

import org.genrebench.model.GenreClassifier;
import org.genrebench.model.ModelRegistry;
import org.genrebench.model.Sample;
import org.genrebench.split.Fold;
import org.genrebench.split.StratifiedGroupKFold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --tune}: grid search by inner song-disjoint k-fold CV on the training fold it is given (so the outer test
 * fold is never seen), scored by song accuracy; the winner is then refitted on the whole training fold.
 */
public final class TunedClassifier<X> implements GenreClassifier<X> {
    private final ModelRegistry.Entry<X> entry;
    private final long seed;
    private final int innerFolds;
    private GenreClassifier<X> best;
    private Map<String, String> chosen;
    private double innerAccuracy;

    public TunedClassifier(ModelRegistry.Entry<X> entry, long seed, int innerFolds) {
        this.entry = entry;
        this.seed = seed;
        this.innerFolds = innerFolds;
    }

    @Override
    public String name() {
        return entry.name();
    }

    @Override
    public void fit(List<Sample<X>> train, int numClasses) {
        List<Fold> inner = new StratifiedGroupKFold(innerFolds, seed)
                .split(train.stream().map(Sample::groupId).toList(), train.stream().mapToInt(Sample::label).toArray());
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map<String, String> candidate : entry.grid()) {
            double score = 0;
            for (Fold f : inner) score += innerAccuracy(candidate, train, f, numClasses) / inner.size();
            if (score > bestScore) { // strict: the earlier (default-first) candidate wins ties
                bestScore = score;
                chosen = candidate;
            }
        }
        innerAccuracy = bestScore;
        best = entry.create(chosen, seed);
        best.fit(train, numClasses);
    }

    private double innerAccuracy(Map<String, String> params, List<Sample<X>> train, Fold f, int numClasses) {
        GenreClassifier<X> model = entry.create(params, seed);
        model.fit(Arrays.stream(f.train()).mapToObj(train::get).toList(), numClasses);
        List<Sample<X>> test = Arrays.stream(f.test()).mapToObj(train::get).toList();
        double[][] proba = model.predictProba(test.stream().map(Sample::input).toList());
        SongAggregator.Songs songs = SongAggregator.aggregate(test.stream().map(Sample::songId).toList(),
                test.stream().mapToInt(Sample::label).toArray(), proba);
        return ConfusionMatrix.of(songs.labels(), songs.meanPred(), numClasses).accuracy();
    }

    @Override
    public double[][] predictProba(List<X> inputs) {
        return best.predictProba(inputs);
    }

    @Override
    public Map<String, String> hyperParameters() {
        Map<String, String> hp = new LinkedHashMap<>(best.hyperParameters());
        hp.put("tuned", String.join(" ", new java.util.TreeSet<>(chosen.keySet())) + " by inner " + innerFolds + "-fold song CV over "
                + entry.grid().size() + " candidates (inner acc " + String.format(java.util.Locale.ROOT, "%.3f", innerAccuracy) + ")");
        return hp;
    }

    @Override
    public void save(Path file) throws IOException {
        best.save(file);
    }
}
