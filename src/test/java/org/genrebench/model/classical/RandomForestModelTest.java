package org.genrebench.model.classical;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.eval.TestData;
import org.genrebench.selection.TunedClassifier;
import org.genrebench.selection.TuningChoices;
import org.junit.jupiter.api.Test;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code rf} grows Smile's forest tree for tree, and also fits the few rows of a small set's inner folds; so do knn
 * and the tuned vote.
 */
class RandomForestModelTest {

    private static DataFrame frame(List<Sample<double[]>> rows) {
        double[][] x = rows.stream().map(Sample::input).toArray(double[][]::new);
        String[] names = IntStream.range(0, x[0].length).mapToObj(j -> "x" + j).toArray(String[]::new);
        return DataFrame.of(x, names).add(new IntVector("genre", rows.stream().mapToInt(Sample::label).toArray()));
    }

    private static RandomForest.Options options(int trees, int rows) {
        return new RandomForest.Options(trees, 2, SplitRule.GINI, Integer.MAX_VALUE, rows, 1, 1.0, null,
                new SplittableRandom(7).longs(trees).toArray(), null);
    }

    @Test
    void growsTheSameTreesAsSmilesFit() {
        List<Sample<double[]>> train = TestData.blobs(4, 15, 1, 6, 3);
        List<Sample<double[]>> test = TestData.blobs(4, 5, 1, 6, 4);
        DataFrame data = frame(train);
        RandomForest smile = RandomForest.fit(Formula.lhs("genre"), data, options(200, train.size()));
        RandomForest grown = RandomForestModel.grow(Formula.lhs("genre"), data, options(200, train.size()));
        assertArrayEquals(smile.classes(), grown.classes());
        var schema = DataFrame.of(new double[1][6], IntStream.range(0, 6).mapToObj(j -> "x" + j).toArray(String[]::new)).schema();
        for (Sample<double[]> s : test) {
            double[] a = new double[4], b = new double[4];
            smile.vote(Tuple.of(schema, s.input()), a);
            grown.vote(Tuple.of(schema, s.input()), b);
            assertArrayEquals(a, b, 0);
        }
        assertArrayEquals(smile.importance(), grown.importance(), 1e-9);
    }

    @Test
    void fitsFewRowsOfThreeGenres() {
        // Two songs per genre: some tree's out-of-bag rows hold exactly two genres, one of them labelled 2, which
        // Smile's own fit scores with binary metrics and fails on.
        List<Sample<double[]>> few = TestData.blobs(3, 2, 1, 6, 5);
        IllegalArgumentException smile = assertThrows(IllegalArgumentException.class,
                () -> RandomForest.fit(Formula.lhs("genre"), frame(few), options(500, few.size())));
        assertTrue(smile.getMessage().contains("binary classification"), smile.getMessage());

        RandomForestModel rf = new RandomForestModel(Map.of(), 42);
        rf.fit(few, 3);
        double[][] p = rf.predictProba(few.stream().map(Sample::input).toList());
        for (double[] row : p) assertEquals(1.0, row[0] + row[1] + row[2], 1e-9);
    }

    @Test
    void tunedForestAndVoteFitATinyTrainingFold() {
        // The inner CV of --tune on 9 rows: folds of one or two songs per genre, fewer rows than knn's largest k.
        List<Sample<double[]>> tiny = TestData.blobs(3, 3, 1, 6, 9);
        Knn wide = new Knn(Map.of("k", "15"), 42);
        wide.fit(tiny, 3);
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, wide.predictProba(List.of(tiny.getFirst().input()))[0], 1e-12,
                "k capped at the 9 training rows: the shares of the whole training set");
        var tuned = new TunedClassifier<>(ModelRegistry.classical("rf"), 42, 2, new TuningChoices());
        tuned.fit(tiny, 3);
        assertEquals(9, tuned.predictProba(tiny.stream().map(Sample::input).toList()).length);
        var vote = ModelRegistry.classical("vote").create(ModelRegistry.classical("vote").grid().getFirst(), 42);
        vote.fit(tiny, 3);
        assertEquals(9, vote.predictProba(tiny.stream().map(Sample::input).toList()).length);
    }
}
