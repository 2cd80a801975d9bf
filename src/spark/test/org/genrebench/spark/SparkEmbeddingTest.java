package org.genrebench.spark;

import org.genrebench.cli.GenreBench;
import org.genrebench.dataset.synth.SynthConfig;
import org.genrebench.dataset.synth.SynthDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** extract --embedding on Spark writes the in-process table, row for row, and names a file that gives no rows. */
class SparkEmbeddingTest {
    @TempDir
    Path tmp;

    @Test
    void sparkWritesTheLocalEmbeddingTable() throws Exception {
        Path audio = tmp.resolve("audio");
        SynthDataset.write(audio, new SynthConfig(3, 2, 4, 11));
        Files.writeString(audio.resolve("genres/blues/broken.wav"), "not audio");
        Path local = tmp.resolve("local.csv"), sparkOut = tmp.resolve("spark");
        assertEquals(1, GenreBench.run("extract", "--data", audio.toString(), "--embedding", "msd-musicnn", "--out", local.toString(),
                "--cache", tmp.resolve("cache").toString()));
        assertEquals(1, GenreBench.run("extract", "--engine", "spark", "--master", "local[2]", "--data", audio.toString(),
                "--embedding", "msd-musicnn", "--out", sparkOut.toString()));
        String table = Files.readString(sparkOut.resolve("embeddings.csv"));
        assertTrue(table.startsWith("filename,label,patch,msd-musicnn:max_pool:0,"), table.substring(0, 80));
        assertEquals(Files.readString(local), table);
    }
}
