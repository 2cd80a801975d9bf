package org.genrebench.cli;

import org.genrebench.pipeline.Embeddings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
    }

    @Test
    void aModelTrainedOnEmbeddingsPredictsFromAudio() {
        System.setProperty(Embeddings.DIRECTORY_PROPERTY, "../shared/models/musicnn");
        Path model = tmp.resolve("vgg.model");
        CompareCommandTest.Run train = cli("train", "--model", "mtt-vgg", "--param", "mtt-vgg.probe=logreg", "--data", data.toString(),
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
}
