package org.genrebench.eval;

import org.genrebench.model.GenreClassifier;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.split.Fold;
import org.genrebench.split.StratifiedGroupKFold;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness hands each model only its training fold, and the training fold contains no test-fold song. */
class HarnessLeakageTest {

    /** Remembers what it was trained on; predicts uniformly. */
    static final class Spy implements GenreClassifier<double[]> {
        final Set<String> trainSongs = new HashSet<>();
        final List<double[]> trainRows = new ArrayList<>();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public void fit(List<Sample<double[]>> train, int numClasses) {
            assertTrue(trainSongs.isEmpty(), "a model instance was fitted twice");
            train.forEach(s -> {
                trainSongs.add(s.songId());
                trainRows.add(s.input());
            });
        }

        @Override
        public double[][] predictProba(List<double[]> inputs) {
            double[][] p = new double[inputs.size()][3];
            for (double[] row : p) Arrays.fill(row, 1.0 / 3);
            return p;
        }

        @Override
        public Map<String, String> hyperParameters() {
            return Map.of();
        }

        @Override
        public org.genrebench.model.EstimatorState state() {
            throw new UnsupportedOperationException("the spy is never saved");
        }
    }

    @Test
    void noTestSongReachesTraining() {
        List<Sample<double[]>> data = TestData.blobs(3, 10, 4, 5, 1);
        List<Fold> folds = split(data, 5);
        List<Spy> spies = new ArrayList<>();
        Harness<double[]> h = new Harness<>(data, List.of("a", "b", "c"), 2, FoldCache.NONE);
        RunResult run = h.run(new Harness.RunInfo("t", "p", 1, "cmd"),
                List.of(new Harness.ModelSpec<>("spy", "classical", () -> {
                    Spy s = new Spy();
                    synchronized (spies) {
                        spies.add(s);
                    }
                    return s;
                })), folds, new Harness.Listener() {
                });
        assertEquals(5, spies.size(), "one fresh model per fold");
        for (FoldResult r : run.models().getFirst().folds()) {
            Set<String> testSongs = new HashSet<>(r.songIds());
            long owners = spies.stream().filter(s -> s.trainRows.size() == r.trainSize()
                    && s.trainSongs.stream().noneMatch(testSongs::contains)).count();
            assertTrue(owners >= 1, "fold " + r.fold() + ": some model saw a test song");
        }
        for (Spy s : spies) assertEquals(40 * 3 * 4 / 5, s.trainRows.size());
    }

    /**
     * Standardisation must use the training fold's statistics. Test rows are shifted far away, so a scaler fitted
     * on all rows (or refitted on the rows being predicted) has a different mean and this test fails.
     */
    @Test
    void scalingIsFittedOnTheTrainingFoldOnly() {
        List<Sample<double[]>> data = new ArrayList<>(TestData.blobs(3, 10, 2, 4, 2));
        List<Fold> folds = split(data, 5);
        Fold fold = folds.getFirst();
        for (int i : fold.test()) {
            Sample<double[]> s = data.get(i);
            double[] x = s.input().clone();
            x[0] += 1000;
            data.set(i, new Sample<>(x, s.songId(), s.label()));
        }
        List<GenreClassifier<double[]>> made = new ArrayList<>();
        var entry = ModelRegistry.classical("knn");
        Harness<double[]> h = new Harness<>(data, List.of("a", "b", "c"), 1, FoldCache.NONE);
        h.run(new Harness.RunInfo("t", "p", 1, "cmd"), List.of(new Harness.ModelSpec<>("knn", "classical", () -> {
            GenreClassifier<double[]> m = entry.create(Map.of(), 1);
            made.add(m);
            return m;
        })), List.of(fold), new Harness.Listener() {
        });

        double trainMean = Arrays.stream(fold.train()).mapToDouble(i -> data.get(i).input()[0]).average().orElseThrow();
        double allMean = data.stream().mapToDouble(s -> s.input()[0]).average().orElseThrow();
        assertTrue(Math.abs(trainMean - allMean) > 100, "fixture: the shift must move the global mean");
        double fitted = org.genrebench.model.classical.ScalerAccess.mean(made.getFirst())[0];
        assertEquals(trainMean, fitted, 1e-9, "scaler was not fitted on the training fold alone");
    }

    /** A prediction depends on its own row only: adding far-away rows to the batch changes nothing. */
    @Test
    void predictionsDoNotDependOnOtherTestRows() {
        List<Sample<double[]>> data = TestData.blobs(3, 10, 2, 4, 3);
        for (var entry : ModelRegistry.classical()) {
            GenreClassifier<double[]> m = entry.create(entry.name().equals("rf") ? Map.of("trees", "20") : Map.of(), 5);
            m.fit(java.util.stream.IntStream.range(0, data.size()).filter(i -> i % 3 != 0).mapToObj(data::get).toList(), 3);
            List<double[]> rows = java.util.stream.IntStream.range(0, data.size()).filter(i -> i % 3 == 0)
                    .mapToObj(i -> data.get(i).input()).toList();
            double[][] alone = m.predictProba(rows);
            List<double[]> withOutliers = new ArrayList<>(rows);
            for (int i = 0; i < 10; i++) withOutliers.add(new double[]{1e6, -1e6, 1e6, 5});
            double[][] mixed = m.predictProba(withOutliers);
            for (int i = 0; i < rows.size(); i++) {
                assertFalse(!Arrays.equals(alone[i], mixed[i]), entry.name() + " row " + i + " changed");
            }
        }
    }

    private static List<Fold> split(List<Sample<double[]>> data, int k) {
        return new StratifiedGroupKFold(k, 9).split(data.stream().map(Sample::groupId).toList(),
                data.stream().mapToInt(Sample::label).toArray());
    }
}
