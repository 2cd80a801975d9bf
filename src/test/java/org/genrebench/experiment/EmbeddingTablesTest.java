package org.genrebench.experiment;

import org.genrebench.dataset.FeatureTable;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Embedding tables: read by their schema (also gzipped), joined with a feature table on songs, fed to their model. */
class EmbeddingTablesTest {
    @TempDir
    Path dir;

    private Path gz(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private static final String TAGGRAMS = """
            filename,label,patch,split,msd-musicnn:taggram:rock,msd-musicnn:taggram:jazz
            jazz.00001.wav,jazz,0,train,0.1,0.9
            jazz.00001.wav,jazz,1,train,0.2,0.8
            rock.00002.wav,rock,0,test,0.9,0.1
            pop.00003.wav,pop,0,test,0.5,0.5
            """;

    @Test
    void anEmbeddingTableIsOneRowPerPatchOfItsSong() throws IOException {
        FeatureTable t = FeatureTable.read(gz("t.csv.gz", TAGGRAMS));
        assertEquals("msd-musicnn:taggram", t.embedding());
        assertEquals(List.of("msd-musicnn:taggram:rock", "msd-musicnn:taggram:jazz"), t.featureNames());
        assertEquals(List.of("jazz.00001#0", "jazz.00001#1", "rock.00002#0", "pop.00003#0"), t.rows().stream().map(FeatureTable.Row::id).toList());
        assertEquals(List.of("jazz.00001", "jazz.00001", "rock.00002", "pop.00003"), t.rows().stream().map(FeatureTable.Row::songId).toList());
        assertEquals(0.8, t.rows().get(1).features()[1]);
    }

    @Test
    void badEmbeddingTablesAreOneSentenceNamingFileAndLine() throws IOException {
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), "filename,label,patch,a:b:0,c:d:0\nx.wav,jazz,0,1,2\n");
        assertTrue(message(mixed).contains("columns of two embeddings, a:b and c:d"), message(mixed));
        Path unnamed = Files.writeString(dir.resolve("unnamed.csv"), "filename,label,patch,v0\nx.wav,jazz,0,1\n");
        assertTrue(message(unnamed).contains("embedding column 'v0' is not named MODEL:LAYER:NAME"), message(unnamed));
        Path patch = Files.writeString(dir.resolve("patch.csv"), "filename,label,patch,a:b:0\nx.wav,jazz,one,1\n");
        assertEquals(patch + ":2: patch must be a patch number, got 'one'", message(patch));
        Path broken = Files.write(dir.resolve("broken.csv.gz"), new byte[]{31, -117, 8, 0, 1, 2});
        assertTrue(message(broken).startsWith(broken + ": not a readable gzip file"), message(broken));
    }

    @Test
    void tablesAreJoinedOnTheirCommonSongsAndTheRestIsNamed() throws IOException {
        FeatureTable taggrams = FeatureTable.read(gz("t.csv.gz", TAGGRAMS));
        FeatureTable other = FeatureTable.read(Files.writeString(dir.resolve("o.csv"), """
                filename,label,patch,mtt-vgg:pool5:0
                jazz.00001.wav,jazz,0,1
                rock.00002.wav,rock,0,2
                """));
        PreparedDataset d = DatasetSources.featureTables("both", List.of(taggrams, other));
        assertEquals(List.of("jazz.00001", "rock.00002"), d.songIds());
        assertEquals(List.of("jazz", "rock"), d.classNames());
        assertEquals(3, d.embeddings("msd-musicnn:taggram").size());
        assertEquals(2, d.embeddings("mtt-vgg:pool5").size());
        assertEquals(List.of("song pop.00003 is not in every table given; left out"), d.skipped().stream().map(Skipped::reason).toList());

        FeatureTable relabelled = FeatureTable.read(Files.writeString(dir.resolve("r.csv"), "filename,label,patch,mtt-vgg:pool5:0\njazz.00001.wav,blues,0,1\n"));
        UserException e = assertThrows(UserException.class, () -> DatasetSources.featureTables("x", List.of(taggrams, relabelled)));
        assertTrue(e.getMessage().contains("song jazz.00001 is 'blues' here but 'jazz'"), e.getMessage());
    }

    @Test
    void aPretrainedModelReadsTheTableOfItsOwnModelAtThatTablesLayer() throws IOException {
        FeatureTable taggrams = FeatureTable.read(gz("t.csv.gz", TAGGRAMS));
        TableInputs byDefault = TableInputs.of(List.of(taggrams), List.of("knn", "svm", "cnn", "msd-musicnn"), false);
        assertEquals(List.of("msd-musicnn"), byDefault.models());
        assertEquals(Map.of("msd-musicnn", Map.of("layer", "taggram")), byDefault.params());
        UserException e = assertThrows(UserException.class, () -> TableInputs.of(List.of(taggrams), List.of("svm", "msd-musicnn"), true));
        assertTrue(e.getMessage().startsWith("svm reads inputs none of the tables holds"), e.getMessage());
        FeatureTable alien = FeatureTable.read(Files.writeString(dir.resolve("a.csv"), "filename,label,patch,openl3:emb:0\nx.wav,jazz,0,1\n"));
        e = assertThrows(UserException.class, () -> TableInputs.of(List.of(alien), List.of("knn"), false));
        assertTrue(e.getMessage().contains("holds embeddings of 'openl3', which is not a pre-trained model of the catalogue"), e.getMessage());
    }

    private static String message(Path p) {
        return assertThrows(UserException.class, () -> FeatureTable.read(p)).getMessage();
    }
}
