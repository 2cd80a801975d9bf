package org.genrebench.cli;

import org.genrebench.catalog.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line reads the model catalogue: lists, defaults and help, and {@code --param MODEL.KEY=VALUE}. */
class ModelCatalogCliTest {

    @Test
    void modelsListsEveryModelByFamilyWithItsParameters() {
        CompareCommandTest.Run run = cli("models");
        assertEquals(0, run.code(), run.err());
        for (String name : ModelRegistry.allNames()) assertTrue(run.out().contains("  " + name + " "), name + "\n" + run.out());
        assertTrue(run.out().contains("handcrafted features + classical ML:") && run.out().contains("networks trained from scratch:"), run.out());
        assertTrue(run.out().contains("k=5") && run.out().contains("C=10"), run.out());
    }

    @Test
    void compareAndTrainHelpNameTheCataloguesModelsAndDefaults() {
        String compare = cli("compare", "--help").out(), train = cli("train", "--help").out();
        for (String name : ModelRegistry.allNames()) {
            assertTrue(compare.contains(name), name);
            assertTrue(train.contains(name), name);
        }
        assertTrue(compare.replaceAll("\\s+", "").contains("default:" + String.join(",", ModelRegistry.defaultNames())), compare);
    }

    @Test
    void aParamReachesTheModelAndTheReport(@TempDir Path tmp) throws Exception {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        CompareCommandTest.Run run = cli("compare", "--data", data.toString(), "--models", "knn", "--folds", "3",
                "--param", "knn.k=1", "--out", tmp.resolve("out").toString(), "--data-root", tmp.resolve("root").toString());
        assertEquals(0, run.code(), run.err());
        try (var dirs = Files.list(tmp.resolve("out"))) {
            Path report = dirs.findFirst().orElseThrow().resolve("report.md");
            assertTrue(Files.readString(report).contains("- **knn**: k=1"), Files.readString(report));
        }
    }

    @Test
    void aBadParamIsOneErrorLineBeforeAnyWork(@TempDir Path tmp) throws Exception {
        Path data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
        String d = data.toString(), out = tmp.resolve("out").toString();
        assertMisuse("model knn: k must be an integer in [1, 10000], got '0'", "compare", "--data", d, "--models", "knn", "--param", "knn.k=0", "--out", out);
        assertMisuse("--param svm.C=3 sets a model that does not run (models: knn)", "compare", "--data", d, "--models", "knn", "--param", "svm.C=3", "--out", out);
        assertMisuse("--param knn.… and --tune both set knn's hyper-parameters; give one of them", "compare", "--data", d, "--models", "knn",
                "--tune", "--param", "knn.k=3", "--out", out);
        assertMisuse("model cnn has no hyper-parameter 'depth'", "train", "--model", "cnn", "--data", d, "--param", "cnn.depth=3",
                "--save", tmp.resolve("m.model").toString());
        assertFalse(Files.exists(tmp.resolve("out")), "a refused run wrote results");
    }

    private static void assertMisuse(String expected, String... args) {
        CompareCommandTest.Run run = cli(args);
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().strip().startsWith("error: ") && run.err().contains(expected) && run.err().strip().lines().count() == 1, run.err());
    }
}
