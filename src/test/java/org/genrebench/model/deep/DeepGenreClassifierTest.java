package org.genrebench.model.deep;

import org.genrebench.dataset.Sample;
import org.genrebench.model.training.TrainingSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiny networks on tiny windows: behaviour, not benchmark accuracy (see results/benchmarks.md for that). */
class DeepGenreClassifierTest {
    static final MelWindowShape TINY = new MelWindowShape(16, 20);
    static final int CLASSES = 4;
    // One thread: tiny tensors gain nothing from threads, and OpenMP spin-waiting collapses under a busy machine.
    static final DeepConfig FAST = new DeepConfig(12, 16, 5e-3, LearningRateSchedule.RISING, 4, 0.2, 0.9, 11L, 1,
            Augmentation.DEFAULT);

    static List<Sample<float[]>> train;
    static List<Sample<float[]>> test;

    @BeforeAll
    static void data() {
        train = SyntheticMel.songs(TINY, CLASSES, 10, 3, 2.0, 1);
        test = SyntheticMel.songs(TINY, CLASSES, 5, 3, 2.0, 2);
    }

    /** The design of a network by name (the catalogue keeps this list for the product). */
    static NetworkArchitecture.Design design(String name) {
        return java.util.stream.Stream.of(MelCnn.DESIGN, VggLike.DESIGN, Crnn.DESIGN, GtzanKerasCnn.DESIGN)
                .filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    static DeepGenreClassifier tiny(String architecture) {
        return new DeepGenreClassifier(design(architecture).build(4, true), TINY, FAST);
    }

    /** "name" with the stem, "name/full" at full resolution; gtzan-cnn (five halvings of 16x20) at width 2. */
    static DeepGenreClassifier tinyVariant(String variant) {
        String[] parts = variant.split("/");
        int width = parts[0].equals(GtzanKerasCnn.NAME) ? 2 : 4;
        return new DeepGenreClassifier(design(parts[0]).build(width, parts.length == 1), TINY, FAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn", "vgg", "crnn", "cnn/full", "vgg/full", "crnn/full", GtzanKerasCnn.NAME + "/full"})
    void learnsASeparableTaskAndReloadsToIdenticalProbabilities(String variant) throws Exception {
        DeepGenreClassifier model = tinyVariant(variant);
        String architecture = model.name();
        model.fit(train, CLASSES);

        List<float[]> inputs = test.stream().map(Sample::input).toList();
        double[][] proba = model.predictProba(inputs);
        double accuracy = accuracy(proba, test);
        assertTrue(accuracy >= 0.75, architecture + " window accuracy " + accuracy + " (chance 0.25)");
        for (double[] row : proba) {
            assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-4);
        }

        DeepGenreClassifier loaded = DeepGenreClassifier.restore(model.state(), design(model.architecture().name()));
        assertEquals(architecture, loaded.name());
        assertEquals(model.architecture(), loaded.architecture(), "width and stem survive the round trip");
        assertEquals(model.hyperParameters(), loaded.hyperParameters());
        double[][] again = loaded.predictProba(inputs);
        for (int i = 0; i < proba.length; i++) {
            assertArrayEquals(proba[i], again[i], 0.0, "window " + i + " changed after reload");
        }
    }

    @Test
    void normalisesWithTrainingStatisticsOnlyAndStopsEarlyOnTheValidationSplit() {
        DeepGenreClassifier model = tiny("cnn");
        model.fit(train, CLASSES);
        // the normaliser sees the training part of the fold, after the validation songs were carved out
        ValidationSplit<float[]> split = ValidationSplit.carve(train, FAST.validationShare(), FAST.seed());
        MelNormalizer expected = MelNormalizer.fit(TINY, split.train().stream().map(Sample::input).toList());
        assertEquals(expected, model.normalizer());
        // and predicting on other data never refits it
        model.predictProba(test.stream().map(Sample::input).toList());
        assertEquals(expected, model.normalizer());

        TrainingSummary summary = model.trainingSummary();
        assertNotNull(summary);
        assertTrue(summary.bestEpoch() >= 1 && summary.bestEpoch() <= summary.epochsRun());
        assertTrue(Double.isFinite(summary.bestValidationLoss()));
    }

    @Test
    void fullResolutionFeedsTheFirstConvTheWholeWindow() {
        DeepGenreClassifier stem = tiny("cnn"), full = tinyVariant("cnn/full");
        stem.fit(train, CLASSES);
        full.fit(train, CLASSES);
        // same layers and parameter count; only the first conv's input size differs
        assertEquals(stem.network().numParams(), full.network().numParams());
        assertEquals("2x2 stem", stem.hyperParameters().get("input"));
        assertEquals("full resolution", full.hyperParameters().get("input"));
        assertEquals(TINY.bands(), full.network().feedForward(
                WindowBatches.features(List.of(test.get(0).input()), new int[] {0}, 0, 1, full.normalizer(), TINY, null, null), false)
                .get(1).size(2), "the first conv's output keeps every mel band");
        assertEquals(TINY.bands() / 2, stem.network().feedForward(
                WindowBatches.features(List.of(test.get(0).input()), new int[] {0}, 0, 1, stem.normalizer(), TINY, null, null), false)
                .get(1).size(2));
    }

    @Test
    void networkSizesHaveTheParameterCountsTheDocsGive() { // docs/architecture.md, "Sizes"
        assertEquals(15_730, parameters(new MelCnn(8, true)));
        assertEquals(15_730, parameters(new MelCnn(8, false)), "the stem has no parameters");
        assertEquals(242_602, parameters(new MelCnn(32, true)));
        assertEquals(37_394, parameters(new VggLike(8, true)));
        assertEquals(396_378, parameters(GtzanKerasCnn.PUBLISHED));
    }

    private static long parameters(NetworkArchitecture architecture) {
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork net = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(
                architecture.configure(MelWindowShape.DEFAULT, 10, DeepConfig.DEFAULT));
        net.init();
        return net.numParams();
    }

    @Test
    void mixupTrainsLearnsAndTravelsWithTheModel() throws Exception {
        DeepGenreClassifier model = new DeepGenreClassifier(MelCnn.DESIGN.build(4, true), TINY,
                FAST.withAugmentation(Augmentation.DEFAULT.withMixup(0.2)));
        model.fit(train, CLASSES);
        List<float[]> inputs = test.stream().map(Sample::input).toList();
        double accuracy = accuracy(model.predictProba(inputs), test);
        assertTrue(accuracy >= 0.75, "cnn with mixup: window accuracy " + accuracy + " (chance 0.25)");
        assertEquals("0.2", model.hyperParameters().get("mixup"));
        assertEquals(0.2, DeepGenreClassifier.restore(model.state(), design(model.architecture().name())).config().augmentation().mixupAlpha(), 0.0);
        assertEquals(null, tiny("cnn").hyperParameters().get("mixup"), "off by default, and then not listed");
    }

    @Test
    void shiftsAndCosineScheduleTrainLearnAndTravelWithTheModel() throws Exception {
        DeepConfig shifted = FAST.withSchedule(LearningRateSchedule.COSINE)
                .withAugmentation(Augmentation.DEFAULT.withPitchShift(1).withTimeShift(true));
        DeepGenreClassifier model = new DeepGenreClassifier(MelCnn.DESIGN.build(4, true), TINY, shifted);
        model.fit(train, CLASSES);
        List<float[]> inputs = test.stream().map(Sample::input).toList();
        double accuracy = accuracy(model.predictProba(inputs), test);
        assertTrue(accuracy >= 0.75, "cnn with shifts and cosine decay: window accuracy " + accuracy + " (chance 0.25)");
        assertEquals("cosine", model.hyperParameters().get("schedule"));
        assertEquals("1.0", model.hyperParameters().get("pitchShift"));
        assertEquals("true", model.hyperParameters().get("timeShift"));
        DeepGenreClassifier reloaded = DeepGenreClassifier.restore(model.state(), design(model.architecture().name()));
        assertEquals(shifted, reloaded.config());
        assertArrayEquals(model.predictProba(inputs)[0], reloaded.predictProba(inputs)[0], 1e-6);
    }

    @Test
    void sameSeedGivesTheSameModel() {
        DeepGenreClassifier a = tiny("cnn"), b = tiny("cnn");
        DeepConfig few = FAST.withEpochs(2);
        a = new DeepGenreClassifier(a.architecture(), TINY, few);
        b = new DeepGenreClassifier(b.architecture(), TINY, few);
        a.fit(train, CLASSES);
        b.fit(train, CLASSES);
        List<float[]> inputs = test.stream().limit(8).map(Sample::input).toList();
        double[][] pa = a.predictProba(inputs), pb = b.predictProba(inputs);
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(pa[i], pb[i], 1e-4); // tolerance: threaded float reductions, see class doc
        }
    }

    @Test
    void windowsReadFromDiskTrainAndPredictAsWindowsInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        DeepConfig few = FAST.withEpochs(2);
        DeepGenreClassifier inMemory = new DeepGenreClassifier(tiny("cnn").architecture(), TINY, few);
        DeepGenreClassifier fromDisk = new DeepGenreClassifier(tiny("cnn").architecture(), TINY, few);
        inMemory.fit(train, CLASSES);
        fromDisk.fit(onDisk(train, dir), CLASSES);
        double[][] pa = inMemory.predictProba(test.stream().map(Sample::input).toList());
        double[][] pb = fromDisk.predictProba(org.genrebench.dataset.Samples.inputs(onDisk(test, dir)));
        for (int i = 0; i < pa.length; i++) assertArrayEquals(pa[i], pb[i], 1e-4); // as sameSeedGivesTheSameModel
    }

    /** The samples through a store that keeps nothing in the heap. */
    private static List<Sample<float[]>> onDisk(List<Sample<float[]>> samples, java.nio.file.Path dir) {
        var store = new org.genrebench.dataset.MelWindowStore(0, dir);
        java.util.Map<String, Integer> labels = new java.util.HashMap<>();
        for (Sample<float[]> s : samples) {
            store.add(new float[][] {s.input()}, s.songId(), s.groupId(), "c" + s.label());
            labels.put("c" + s.label(), s.label());
        }
        assertTrue(store.onDisk());
        return store.samples(labels);
    }

    static double accuracy(double[][] proba, List<Sample<float[]>> samples) {
        int correct = 0;
        for (int i = 0; i < proba.length; i++) {
            int best = 0;
            for (int k = 1; k < proba[i].length; k++) if (proba[i][k] > proba[i][best]) best = k;
            if (best == samples.get(i).label()) correct++;
        }
        return (double) correct / proba.length;
    }
}
