package org.genrebench.report;

import org.genrebench.eval.FoldCache;
import org.genrebench.eval.Harness;
import org.genrebench.eval.RunResult;
import org.genrebench.eval.TestData;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.model.Family;
import org.genrebench.split.Fold;
import org.genrebench.split.StratifiedGroupKFold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReporterTest {

    @Test
    void writesEveryFileAndResumesFromPredictions(@TempDir Path out) throws Exception {
        List<Sample<double[]>> data = TestData.blobs(3, 8, 2, 4, 5);
        List<String> classes = List.of("a", "b", "c");
        List<Fold> folds = new StratifiedGroupKFold(3, 1).split(data.stream().map(Sample::groupId).toList(),
                data.stream().mapToInt(Sample::label).toArray());
        var specs = List.of(ModelRegistry.spec(ModelRegistry.classical("knn"), 1, false),
                ModelRegistry.spec(ModelRegistry.classical("logreg"), 1, false));
        Path runDir = Reporter.runDir(out, "blobs");
        RunResult run = new Harness<>(data, classes, 2, new PredictionFiles(runDir, classes, false))
                .run(new Harness.RunInfo("blobs", "3-fold", 1, "genrebench compare x"), specs, folds, new Harness.Listener() {
                });
        Path dir = Reporter.write(run, out);
        for (String f : List.of("report.md", "summary.json", "accuracy.png", "confusion-knn.png", "confusion-logreg.png",
                "predictions/knn/fold-0.csv", "predictions/logreg/fold-2.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String json = Files.readString(dir.resolve("summary.json"));
        for (String key : List.of("\"name\": \"knn\"", "accuracy_mean", "accuracy_std", "macro_f1_mean", "macro_f1_std",
                "accuracy_per_fold", "fit_seconds", "p_value")) {
            assertTrue(json.contains(key), key);
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("genrebench compare x") && md.contains("| knn |") && md.contains("Seed: 1"), md);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "temporary files left behind");
        }

        // resume: with reuse on, every fold comes back from the prediction files with identical scores
        int[] cached = {0};
        RunResult again = new Harness<>(data, classes, 1, new PredictionFiles(runDir, classes, true))
                .run(new Harness.RunInfo("blobs", "3-fold", 1, "c"), specs, folds, new Harness.Listener() {
                    @Override
                    public void foldDone(org.genrebench.eval.FoldResult r, boolean fromCache) {
                        if (fromCache) cached[0]++;
                    }
                });
        assertEquals(6, cached[0]);
        assertEquals(run.models().get(1).accuracyMean(), again.models().get(1).accuracyMean(), 0);
    }

    @Test
    void pairedTestPicksTopTwoWhenOnlyClassicalModels() {
        // covered through summary.json above; here: a single model gives no test
        assertEquals(List.of(), Significance.choose(new RunResult("d", List.of("a"), "p", 1, "c", List.of(), 0)));
    }

    @Test
    void withThreeFamiliesTheBestOfEachIsTestedAgainstTheBestOfEveryOther(@TempDir Path out) throws Exception {
        List<Sample<double[]>> data = TestData.blobs(3, 8, 2, 4, 5);
        List<String> classes = List.of("a", "b", "c");
        List<Fold> folds = new StratifiedGroupKFold(3, 1).split(data.stream().map(Sample::groupId).toList(),
                data.stream().mapToInt(Sample::label).toArray());
        var knn = ModelRegistry.classical("knn");
        var specs = List.of(new Harness.ModelSpec<>("knn", Family.CLASSICAL.id(), () -> knn.create(java.util.Map.of(), 1)),
                new Harness.ModelSpec<>("net", Family.FROM_SCRATCH.id(), () -> knn.create(java.util.Map.of("k", "3"), 1)),
                new Harness.ModelSpec<>("probe", Family.PRETRAINED.id(), () -> knn.create(java.util.Map.of("k", "1"), 1)));
        RunResult run = new Harness<>(data, classes, 1, FoldCache.NONE)
                .run(new Harness.RunInfo("blobs", "3-fold", 1, "c"), specs, folds, new Harness.Listener() {
                });
        assertEquals(List.of("best classical vs best deep", "best classical vs best pre-trained", "best deep vs best pre-trained"),
                Significance.choose(run).stream().map(Significance.Pair::why).toList());
        String md = Files.readString(Reporter.write(run, out).resolve("report.md"));
        assertTrue(md.contains("best deep vs best pre-trained: **net** vs **probe**"), md);
        assertEquals(3, md.split("McNemar on the same pair").length - 1, md);
    }
}
