package org.genrebench.spark;

import org.genrebench.cli.GenreBench;
import org.genrebench.dataset.synth.SynthConfig;
import org.genrebench.dataset.synth.SynthDataset;
import org.genrebench.experiment.ClusterEngine;
import org.genrebench.experiment.AudioPreparation;
import org.genrebench.feature.FeatureTableWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** extract on Spark gives the local extract's table, reuses what an output folder holds, and retries then reports a crashing file. */
class SparkExtractionTest {
    @TempDir
    static Path tmp;
    static List<FeatureTableWriter.Input> files;
    static Path broken;

    @BeforeAll
    static void data() throws IOException {
        SynthDataset.write(tmp.resolve("audio"), new SynthConfig(3, 2, 4, 11));
        broken = tmp.resolve("audio/genres/blues/broken.wav");
        Files.writeString(broken, "not audio");
        files = org.genrebench.dataset.AudioDataset.load(List.of(tmp.resolve("audio"))).tableInputs();
        // The extractor's SIMD sums (Vector API reductions) can round one ulp differently before the JIT has
        // compiled them; from the second run in a JVM on, runs agree bit for bit. Warm up before comparing.
        for (int run = 0; run < 2; run++) {
            localTable(0);
            localTable(22049);
        }
    }

    private static String localTable(int chunk) throws IOException {
        FeatureTableWriter.Result local = AudioPreparation.featureTable(files, chunk, 2, n -> { });
        StringWriter w = new StringWriter();
        FeatureTableWriter.write(local.rows(), w);
        return w.toString();
    }

    /** Decodes like the real loader and counts the decodes per file (tasks run in this JVM in local mode). */
    static final ConcurrentHashMap<String, AtomicInteger> DECODES = new ConcurrentHashMap<>();

    static final SparkExtraction.Decoder COUNTING = file -> {
        DECODES.computeIfAbsent(file.getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
        if (file.getFileName().toString().equals("classical.00001.wav")) throw new ArrayIndexOutOfBoundsException("decoder bug");
        return SparkExtraction.AUDIO_LOADER.samples(file);
    };

    static SparkEngine engine;

    @BeforeAll
    static void spark() {
        engine = SparkEngine.open("local[2,3]"); // 3 attempts per task
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void cliRunOnLocal2WritesTheLocalTable() throws IOException {
        engine.close(); // one Spark context per JVM: the CLI opens its own
        try {
            Path out = tmp.resolve("cli");
            int code = GenreBench.run("extract", "--engine", "spark", "--master", "local[2]", "--data", tmp.resolve("audio").toString(),
                    "--out", out.toString());
            assertEquals(1, code, "broken.wav was skipped: exit status 1, as the local extract");
            assertEquals(localTable(0), Files.readString(out.resolve("features.csv")));
            String skipped = Files.readString(out.resolve("skipped.csv"));
            assertTrue(skipped.contains("broken.wav"), skipped);
            assertTrue(Files.isDirectory(out.resolve("features.parquet")));
        } finally {
            engine = SparkEngine.open("local[2,3]");
        }
    }

    @Test
    void chunkedRowsMatchTheLocalExtractAndAReRunDecodesNothing() throws IOException {
        int chunk = 22049;
        Path out = tmp.resolve("chunked");
        DECODES.clear();
        ClusterEngine.Extraction first = new SparkExtraction(engine, COUNTING::samples).run(files, chunk, out);
        String table = Files.readString(out.resolve("features.csv"));
        // classical.00001.wav crashes in COUNTING only; the local table has it, so compare without its rows
        String expected = String.join("\n", localTable(chunk).lines().filter(l -> !l.startsWith("classical.00001.")).toList()) + "\n";
        assertEquals(expected, table);
        assertEquals(0, first.reused());

        DECODES.clear();
        ClusterEngine.Extraction again = new SparkExtraction(engine, COUNTING::samples).run(files, chunk, out);
        assertEquals(table, Files.readString(out.resolve("features.csv")));
        assertEquals(files.size() - 2, again.reused(), "every extracted file is reused");
        // only the two files that gave no rows are decoded again
        assertEquals(List.of("broken.wav", "classical.00001.wav"), new ArrayList<>(new java.util.TreeSet<>(DECODES.keySet())));
    }

    @Test
    void aCrashingDecoderIsRetriedThenReportedAsSkipped() throws IOException {
        DECODES.clear();
        ClusterEngine.Extraction x = new SparkExtraction(engine, COUNTING::samples).run(files, 0, tmp.resolve("faults"));
        assertEquals(3, DECODES.get("classical.00001.wav").get(), "Spark ran the crashing file's task three times");
        List<String> skipped = x.skipped().stream().map(s -> s.file().getFileName() + ": " + s.reason()).toList();
        assertEquals(2, skipped.size(), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("classical.00001.wav: failed on all 3 attempt(s): java.lang.ArrayIndexOutOfBoundsException: decoder bug")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("broken.wav: ")), skipped.toString());
        assertEquals(1, DECODES.get("broken.wav").get(), "a clearly bad file is skipped at once");
        assertEquals(files.size() - 2, x.rows());
        String csv = Files.readString(tmp.resolve("faults/skipped.csv"));
        assertTrue(csv.contains("classical.00001.wav") && csv.contains("broken.wav"), csv);
    }
}
