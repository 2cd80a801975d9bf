package org.genrebench.spark;

import org.genrebench.dataset.FeatureTable;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.Harness;
import org.genrebench.eval.ModelResult;
import org.genrebench.experiment.CompareJob;
import org.genrebench.experiment.DatasetSources;
import org.genrebench.experiment.PreparedDataset;
import org.genrebench.experiment.Protocol;
import org.genrebench.pipeline.InputSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tuned classical grid on Spark scores exactly as the local harness, and writes the same report. */
class SparkFitsTest {
    @TempDir
    Path tmp;

    @Test
    void tunedGridOnSparkMatchesTheLocalHarness() throws IOException {
        PreparedDataset data = firstClasses(DatasetSources.featureTable("community", FeatureTable.read(Path.of("data/features_30_sec.csv"))), 5);
        List<String> models = List.of("knn", "logreg");
        CompareJob.Outcome local = CompareJob.run(data, plan(models, tmp.resolve("local")), new Harness.Listener() { });
        CompareJob.Outcome spark;
        try (SparkEngine engine = SparkEngine.open("local[2]")) {
            spark = CompareJob.run(data, plan(models, tmp.resolve("spark")), tmp.resolve("spark/community-tuned"),
                    new Harness.Listener() { }, seed -> engine.classicalFits(seed, true, Map.of()));
        }
        assertEquals(models.size(), spark.run().models().size());
        for (int m = 0; m < models.size(); m++) {
            ModelResult a = local.run().models().get(m), b = spark.run().models().get(m);
            assertEquals(a.name(), b.name());
            assertEquals(a.accuracyMean(), b.accuracyMean(), 0.0, a.name());
            for (int f = 0; f < a.folds().size(); f++) {
                FoldResult x = a.folds().get(f), y = b.folds().get(f);
                assertEquals(x.hyperParameters(), y.hyperParameters(), a.name() + " fold " + f);
                assertTrue(x.hyperParameters().containsKey("tuned"), x.hyperParameters().toString());
                for (int i = 0; i < x.proba().length; i++) assertArrayEquals(x.proba()[i], y.proba()[i], 0.0, a.name() + " fold " + f + " row " + i);
            }
        }
        String localReport = Files.readString(local.dir().resolve("report.md"));
        String sparkReport = Files.readString(spark.dir().resolve("report.md"));
        assertEquals(scoresOnly(localReport), scoresOnly(sparkReport));
    }

    /** The report's model lines, table rows cut before the timing columns (fit seconds, items/s). */
    private static List<String> scoresOnly(String report) {
        return report.lines().filter(l -> l.contains("knn") || l.contains("logreg"))
                .map(l -> l.startsWith("| ") && l.contains("classical") ? String.join("|", java.util.Arrays.asList(l.split("\\|")).subList(0, 8)) : l)
                .toList();
    }

    /** The table's songs of the first {@code n} genres (a smaller grid for the test). */
    private static PreparedDataset firstClasses(PreparedDataset d, int n) {
        List<Integer> songs = java.util.stream.IntStream.range(0, d.songIds().size()).filter(i -> d.songLabels()[i] < n).boxed().toList();
        return new PreparedDataset(d.name(), d.description(), d.classNames().subList(0, n),
                songs.stream().map(d.songIds()::get).toList(), songs.stream().map(d.songGroups()::get).toList(),
                songs.stream().mapToInt(i -> d.songLabels()[i]).toArray(),
                d.features().stream().filter(s -> s.label() < n).toList(), List.of(), List.of());
    }

    private static CompareJob.Plan plan(List<String> models, Path out) {
        return new CompareJob.Plan(models, new Protocol.KFold(3), 1, 42, true, out, false, 2, InputSettings.defaults(), Map.of(), Map.of(),
                "genrebench compare --tune");
    }
}
