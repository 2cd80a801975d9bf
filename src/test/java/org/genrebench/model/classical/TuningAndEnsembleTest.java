package org.genrebench.model.classical;

import org.genrebench.eval.TestData;
import org.genrebench.eval.SongAggregator;
import org.genrebench.selection.TunedClassifier;
import org.genrebench.selection.Tunable;
import org.genrebench.selection.TuningChoices;
import org.genrebench.model.GenreClassifier;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuningAndEnsembleTest {
    private final List<Sample<double[]>> train = TestData.blobs(3, 12, 2, 6, 11);
    private final List<double[]> test = TestData.blobs(3, 4, 1, 6, 12).stream().map(Sample::input).toList();

    @Test
    void yeoJohnsonIsIdentityAtOneAndLogAtZero() {
        for (double v : new double[]{-3, -0.5, 0, 0.5, 7}) assertEquals(v, PowerTransform.yeoJohnson(v, 1), 1e-12);
        assertEquals(Math.log1p(4), PowerTransform.yeoJohnson(4, 0), 1e-12);
        assertEquals(-Math.log1p(4), PowerTransform.yeoJohnson(-4, 2), 1e-12);
    }

    @Test
    void powerTransformTamesAHeavyTailAndUsesOnlyItsFittingRows() {
        Random rng = new Random(3);
        double[][] x = new double[500][2];
        for (double[] row : x) {
            row[0] = Math.exp(2 * rng.nextGaussian()) * 1e6; // log-normal, in large units like the *_var columns
            row[1] = rng.nextGaussian();
        }
        double[][] z = PowerTransform.fit(x).transform(x);
        assertTrue(Math.abs(skew(z, 0)) < 0.5 * Math.abs(skew(x, 0)), "skew " + skew(x, 0) + " -> " + skew(z, 0));
        assertTrue(Math.abs(skew(z, 0)) < 1, "skew after " + skew(z, 0));

        double[][] shifted = Arrays.stream(x).map(r -> new double[]{r[0] * 1000, r[1] + 50}).toArray(double[][]::new);
        PowerTransform fitted = PowerTransform.fit(x);
        double[][] a = fitted.transform(new double[][]{x[0]});
        double[][] all = new double[x.length + shifted.length][];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(shifted, 0, all, x.length, shifted.length);
        assertArrayEquals(a[0], fitted.transform(new double[][]{x[0]})[0], 0, "a fitted transform is a pure function of the row");
        assertTrue(Math.abs(PowerTransform.fit(all).transform(new double[][]{x[0]})[0][0] - a[0][0]) > 1e-6,
                "fixture: other rows would change the fit");
    }

    @Test
    void everyModelAcceptsTheTransformAndRejectsUnknownOnes() {
        for (String name : List.of("knn", "svm", "logreg", "mlp", "rf")) {
            GenreClassifier<double[]> m = ModelRegistry.classical(name).create(Map.of("transform", "yeo-johnson"), 1);
            m.fit(train, 3);
            assertEquals(test.size(), m.predictProba(test).length);
            assertEquals("yeo-johnson", m.hyperParameters().get("transform"));
        }
        assertThrows(UserException.class, () -> ModelRegistry.classical("svm").create(Map.of("transform", "boxcox"), 1));
    }

    @Test
    void gammaCanBeAMultipleOfScale() {
        GenreClassifier<double[]> m = ModelRegistry.classical("svm").create(Map.of("gamma", "scale*0.5", "C", "3"), 1);
        m.fit(train, 3);
        assertEquals(test.size(), m.predictProba(test).length);
    }

    @Test
    void softVoteIsTheMeanOfItsMembers() {
        GenreClassifier<double[]> vote = ModelRegistry.classical("vote").create(Map.of(), 4);
        vote.fit(train, 3);
        double[][] p = vote.predictProba(test);
        double[][] mean = new double[test.size()][3];
        for (String name : List.of("svm", "mlp", "logreg")) {
            GenreClassifier<double[]> m = ModelRegistry.classical(name).create(Map.of(), 4);
            m.fit(train, 3);
            double[][] q = m.predictProba(test);
            for (int i = 0; i < q.length; i++) for (int c = 0; c < 3; c++) mean[i][c] += q[i][c] / 3;
        }
        for (int i = 0; i < p.length; i++) assertArrayEquals(mean[i], p[i], 1e-12);
        assertTrue(vote.hyperParameters().containsKey("svm.C"), vote.hyperParameters().toString());
    }

    @Test
    void tunedEnsembleTunesEachMemberOnTheTrainingFoldAndIsReproducible() {
        List<double[][]> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            GenreClassifier<double[]> vote = ModelRegistry.classical("vote").create(Map.of("members", "knn,logreg", "tune", "true"), 9);
            vote.fit(train, 3);
            runs.add(vote.predictProba(test));
            Map<String, String> hp = vote.hyperParameters();
            assertTrue(hp.get("knn.tuned").startsWith("k transform by inner"), hp.toString());
        }
        for (int i = 0; i < test.size(); i++) assertArrayEquals(runs.get(0)[i], runs.get(1)[i], 0);
        // the standalone tuned member on the same fold makes the same choice (the search is memoised and deterministic)
        var tuned = new TunedClassifier<>(ModelRegistry.classical("knn"), 9, ModelRegistry.INNER_FOLDS, new TuningChoices());
        tuned.fit(train, 3);
        GenreClassifier<double[]> vote = ModelRegistry.classical("vote").create(Map.of("members", "knn,logreg", "tune", "true"), 9);
        vote.fit(train, 3);
        assertEquals(tuned.hyperParameters().get("k"), vote.hyperParameters().get("knn.k"));
        assertEquals(tuned.hyperParameters().get("transform"), vote.hyperParameters().get("knn.transform"));
    }

    @Test
    void aSearchIsMadeOncePerRunAndTheVotesMembersShareIt() {
        TuningChoices choices = new TuningChoices();
        var knn = ModelRegistry.classical("knn");
        int[] built = {0};
        Tunable<double[]> counted = new Tunable<>() {
            @Override
            public String name() {
                return knn.name();
            }

            @Override
            public List<Map<String, String>> grid() {
                return knn.grid();
            }

            @Override
            public GenreClassifier<double[]> create(Map<String, String> params, long seed, TuningChoices c) {
                built[0]++;
                return knn.create(params, seed, c);
            }
        };
        new TunedClassifier<>(counted, 9, ModelRegistry.INNER_FOLDS, choices).fit(train, 3);
        assertEquals(knn.grid().size() * ModelRegistry.INNER_FOLDS + 1, built[0], "one search and the refit");
        new TunedClassifier<>(counted, 9, ModelRegistry.INNER_FOLDS, choices).fit(train, 3);
        assertEquals(knn.grid().size() * ModelRegistry.INNER_FOLDS + 2, built[0], "the same search again is only a refit");
        assertEquals(1, choices.size());

        TuningChoices voteChoices = new TuningChoices();
        ModelRegistry.classical("vote").create(Map.of("members", "knn,logreg", "tune", "true"), 9, voteChoices).fit(train, 3);
        assertEquals(2, voteChoices.size(), "the vote's members search into the choices it was built with");
    }

    @Test
    void outOfFoldProbabilitiesComeFromModelsThatNeverSawTheRow() {
        var tuned = new TunedClassifier<>(ModelRegistry.classical("knn"), 9, ModelRegistry.INNER_FOLDS, new TuningChoices());
        tuned.fit(train, 3);
        double[][] oof = tuned.outOfFoldProba();
        Map<String, String> chosen = new java.util.HashMap<>(tuned.hyperParameters());
        chosen.remove("tuned");
        List<org.genrebench.split.Fold> inner = new org.genrebench.split.StratifiedGroupKFold(ModelRegistry.INNER_FOLDS, 9)
                .split(train.stream().map(Sample::groupId).toList(), train.stream().mapToInt(Sample::label).toArray());
        for (org.genrebench.split.Fold f : inner) {
            GenreClassifier<double[]> m = ModelRegistry.classical("knn").create(chosen, 9);
            m.fit(Arrays.stream(f.train()).mapToObj(train::get).toList(), 3);
            double[][] p = m.predictProba(Arrays.stream(f.test()).mapToObj(i -> train.get(i).input()).toList());
            for (int r = 0; r < f.test().length; r++) assertArrayEquals(p[r], oof[f.test()[r]], 0, "row " + f.test()[r]);
        }
    }

    @Test
    void selectingEnsembleKeepsTheSubsetWithTheBestOutOfFoldScore() {
        GenreClassifier<double[]> vote = ModelRegistry.classical("vote")
                .create(Map.of("members", "knn,logreg,rf", "tune", "true", "select", "true"), 9);
        vote.fit(train, 3);
        String selected = vote.hyperParameters().get("selected");
        double reported = Double.parseDouble(selected.substring(selected.lastIndexOf(' ') + 1));
        List<String> kept = List.of(selected.substring(0, selected.indexOf(' ')).split(","));
        int[] rows = java.util.stream.IntStream.range(0, train.size()).toArray();
        double[][] expected = new double[test.size()][3];
        for (String name : List.of("knn", "logreg", "rf")) {
            var member = new TunedClassifier<>(ModelRegistry.classical(name), 9, ModelRegistry.INNER_FOLDS, new TuningChoices());
            member.fit(train, 3);
            double alone = SongAggregator.songAccuracy(train, rows, member.outOfFoldProba(), 3);
            assertTrue(reported >= alone, name + " alone scores " + alone + " out of fold, the selection " + selected);
            if (!kept.contains(name)) continue;
            double[][] q = member.predictProba(test);
            for (int i = 0; i < q.length; i++) for (int c = 0; c < 3; c++) expected[i][c] += q[i][c] / kept.size();
        }
        double[][] p = vote.predictProba(test);
        for (int i = 0; i < p.length; i++) assertArrayEquals(expected[i], p[i], 1e-12);
        assertThrows(UserException.class, () -> ModelRegistry.classical("vote").create(Map.of("select", "true"), 1));
    }

    private static double skew(double[][] x, int j) {
        double m = Arrays.stream(x).mapToDouble(r -> r[j]).average().orElseThrow();
        double m2 = Arrays.stream(x).mapToDouble(r -> Math.pow(r[j] - m, 2)).average().orElseThrow();
        double m3 = Arrays.stream(x).mapToDouble(r -> Math.pow(r[j] - m, 3)).average().orElseThrow();
        return m3 / Math.pow(m2, 1.5);
    }
}
