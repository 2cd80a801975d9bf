package org.genrebench.cli;

import org.genrebench.pipeline.Embeddings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.genrebench.cli.CompareCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-trained family on audio through compare, train and predict, with the shipped and the shared model files. */
class PretrainedCliTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void tones() throws Exception {
        data = CompareCommandTest.goodDataset(tmp.resolve("tones"));
    }

    @AfterAll
    static void restore() {
        System.clearProperty(Embeddings.DIRECTORY_PROPERTY);
    }

    @Test
    void comparePutsThePretrainedModelBesideTheClassicalOnesOnTheSameFolds() throws Exception {
        CompareCommandTest.Run run = cli("compare", "--data", data.toString(), "--models", "knn,msd-musicnn", "--folds", "3",
                "--out", tmp.resolve("out").toString(), "--data-root", tmp.resolve("root").toString());
        assertEquals(0, run.code(), run.err());
        Path report;
        try (var dirs = Files.list(tmp.resolve("out"))) {
            report = dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("report.md");
        }
        String md = Files.readString(report);
        assertTrue(md.contains("| msd-musicnn | pretrained |"), md);
        assertTrue(md.contains("best classical vs best pre-trained: **knn** vs **msd-musicnn**"), md);
        assertTrue(md.contains("layer=max_pool"), md);

        CompareCommandTest.Run bad = cli("compare", "--data", data.toString(), "--models", "msd-musicnn", "--probe", "tree",
                "--out", tmp.resolve("out-bad").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("model msd-musicnn: probe must be one of svm, logreg, mlp, knn, got 'tree'"), bad.err());
    }

    @Test
    void aModelTrainedOnEmbeddingsPredictsFromAudio() {
        System.setProperty(Embeddings.DIRECTORY_PROPERTY, "../shared/models/musicnn");
        Path model = tmp.resolve("vgg.model");
        CompareCommandTest.Run train = cli("train", "--model", "mtt-vgg", "--probe", "logreg", "--data", data.toString(),
                "--save", model.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(0, train.code(), train.err());
        Path song = data.resolve("genres/jazz/jazz.00001.wav");
        CompareCommandTest.Run predict = cli("predict", "--model", model.toString(), "--top", "1", song.toString());
        assertEquals(0, predict.code(), predict.err());
        assertTrue(predict.out().startsWith(song + ": jazz "), predict.out());
    }

    @Test
    void aMissingModelFileNamesTheCommandThatFetchesIt() {
        System.setProperty(Embeddings.DIRECTORY_PROPERTY, tmp.resolve("no-models").toString());
        CompareCommandTest.Run run = cli("compare", "--data", data.toString(), "--models", "mtt-musicnn", "--folds", "3",
                "--out", tmp.resolve("out2").toString(), "--data-root", tmp.resolve("root").toString());
        System.setProperty(Embeddings.DIRECTORY_PROPERTY, "../shared/models/musicnn");
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: pre-trained model ") && run.err().strip().lines().count() == 1
                && run.err().contains("MTT_musicnn.h5 not found; fetch the musicnn models with: genrebench download musicnn --to "), run.err());
        assertTrue(!Files.exists(tmp.resolve("out2")), "a refused run wrote results");
    }

    @Test
    void extractWritesAnEmbeddingTableThatCompareReads() throws Exception {
        Path table = tmp.resolve("taggram.csv");
        CompareCommandTest.Run run = cli("extract", "--data", data.toString(), "--embedding", "msd-musicnn:taggram", "--patch-hop", "1",
                "--out", table.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(table);
        assertTrue(lines.getFirst().startsWith("filename,label,patch,msd-musicnn:taggram:rock,msd-musicnn:taggram:pop,"), lines.getFirst());
        // 4-s clips: 251 frames at 16 kHz, so patches start at frames 0 and 61 with a 1-s hop
        assertEquals(1 + 9 * 2, lines.size());
        assertTrue(lines.get(1).startsWith("blues.00000.wav,blues,0,") && lines.get(2).startsWith("blues.00000.wav,blues,1,"), lines.get(1));

        CompareCommandTest.Run compare = cli("compare", "--features-csv", table.toString(), "--folds", "3",
                "--out", tmp.resolve("out-table").toString(), "--data-root", tmp.resolve("root").toString());
        assertEquals(0, compare.code(), compare.err());
        try (var dirs = Files.list(tmp.resolve("out-table"))) {
            String md = Files.readString(dirs.findFirst().orElseThrow().resolve("report.md"));
            assertTrue(md.contains("| msd-musicnn | pretrained |") && md.contains("layer=taggram"), md);
        }
    }

    @Test
    void anEmbeddingOfANonPretrainedModelOrAnUnknownLayerIsOneErrorLine() {
        for (String[] bad : new String[][]{{"knn", "--embedding needs a pre-trained model"},
                {"msd-musicnn:pool5", "model msd-musicnn: layer must be one of max_pool, mean_pool, penultimate, taggram, got 'pool5'"}}) {
            CompareCommandTest.Run run = cli("extract", "--data", data.toString(), "--embedding", bad[0], "--out", tmp.resolve("x.csv").toString());
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().startsWith("error: ") && run.err().contains(bad[1]) && run.err().strip().lines().count() == 1, run.err());
        }
    }

    @Test
    void fineTuningRunsUnderTheHarnessBesideTheOtherFamilies() throws Exception {
        CompareCommandTest.Run run = cli("compare", "--data", data.toString(), "--models", "knn,msd-musicnn-ft", "--folds", "3",
                "--param", "msd-musicnn-ft.epochs=1", "--out", tmp.resolve("out-ft").toString(), "--data-root", tmp.resolve("root").toString());
        assertEquals(0, run.code(), run.err());
        try (var dirs = Files.list(tmp.resolve("out-ft"))) {
            String md = Files.readString(dirs.findFirst().orElseThrow().resolve("report.md"));
            assertTrue(md.contains("| msd-musicnn-ft | pretrained |") && md.contains("epochs=1"), md);
        }
    }
}
