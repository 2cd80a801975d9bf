package org.genrebench.model.classical;

import org.genrebench.eval.TestData;
import org.genrebench.selection.TunedClassifier;
import org.genrebench.selection.TuningChoices;
import org.genrebench.model.GenreClassifier;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicalModelsTest {
    private final List<Sample<double[]>> train = TestData.blobs(3, 12, 2, 6, 11);
    private final List<double[]> test = TestData.blobs(3, 4, 1, 6, 12).stream().map(Sample::input).toList();

    @Test
    void everyModelLearnsBlobsGivesProbabilitiesAndRoundTrips() throws Exception {
        for (var entry : ModelRegistry.classical()) {
            GenreClassifier<double[]> m = entry.create(Map.of(), 42);
            m.fit(train, 3);
            double[][] p = m.predictProba(test);
            int correct = 0;
            for (int i = 0; i < p.length; i++) {
                assertEquals(1.0, java.util.Arrays.stream(p[i]).sum(), 1e-6, entry.name() + " row sum");
                if (org.genrebench.eval.Stats.argmax(p[i]) == i / 4) correct++;
            }
            assertTrue(correct >= 10, entry.name() + " got " + correct + "/12 on separable blobs");

            @SuppressWarnings("unchecked")
            GenreClassifier<double[]> restored = (GenreClassifier<double[]>) m.state().deserialize();
            double[][] again = restored.predictProba(test);
            for (int i = 0; i < p.length; i++) assertArrayEquals(p[i], again[i], 0, entry.name() + " after load");
        }
    }

    @Test
    void everyModelHandlesTwoGenres() {
        List<Sample<double[]>> two = TestData.blobs(2, 12, 2, 6, 21);
        List<double[]> twoTest = TestData.blobs(2, 4, 1, 6, 22).stream().map(Sample::input).toList();
        for (var entry : ModelRegistry.classical()) {
            GenreClassifier<double[]> m = entry.create(Map.of(), 42);
            m.fit(two, 2);
            double[][] p = m.predictProba(twoTest);
            int correct = 0;
            for (int i = 0; i < p.length; i++) if (org.genrebench.eval.Stats.argmax(p[i]) == i / 4) correct++;
            assertTrue(correct >= 7, entry.name() + " got " + correct + "/8 on two separable blobs");
        }
    }

    @Test
    void knnFitsOnFewerRowsThanItsNeighbourCount() {
        List<Sample<double[]>> four = TestData.blobs(2, 2, 1, 6, 23);
        GenreClassifier<double[]> knn = ModelRegistry.classical("knn").create(Map.of(), 42);
        knn.fit(four, 2);
        double[] p = knn.predictProba(List.of(four.getFirst().input()))[0];
        assertArrayEquals(new double[]{0.5, 0.5}, p, 1e-12, "all four rows vote: two of each class");
    }

    @Test
    void sameSeedSameProbabilities() {
        for (String name : List.of("rf", "mlp")) {
            var e = ModelRegistry.classical(name);
            GenreClassifier<double[]> a = e.create(Map.of(), 7), b = e.create(Map.of(), 7);
            a.fit(train, 3);
            b.fit(train, 3);
            assertArrayEquals(a.predictProba(test)[0], b.predictProba(test)[0], 0, name);
        }
    }

    @Test
    void tuningPicksFromTheGridAndReportsIt() {
        var tuned = new TunedClassifier<>(ModelRegistry.classical("knn"), 1, 3, new TuningChoices());
        tuned.fit(train, 3);
        Map<String, String> hp = tuned.hyperParameters();
        assertTrue(hp.containsKey("tuned"), hp.toString());
        assertTrue(List.of("1", "3", "5", "7", "9", "15").contains(hp.get("k")), hp.toString());
    }

    @Test
    void unknownModelsAndParametersAreUserErrors() {
        assertThrows(UserException.class, () -> ModelRegistry.classical("svm").create(Map.of("kernel", "poly"), 1));
        assertThrows(UserException.class, () -> ModelRegistry.classical("xgboost"));
    }
}
