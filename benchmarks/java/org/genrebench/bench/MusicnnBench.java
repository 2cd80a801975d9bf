package org.genrebench.bench;

import org.genrebench.feature.MusicnnInput;
import org.genrebench.model.pretrained.MusicnnModel;
import org.genrebench.model.pretrained.MusicnnWeights;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Seconds per forward pass of a pre-trained musicnn model over a batch of 3-s patches (every layer computed, the
 * taggram copied out); seconds per patch = score / batch. The models are read from {@code -Dbench.musicnn=DIR}
 * (default {@code ../shared/models/musicnn}); the patches are seeded random log-mel values in musicnn's range. Run:
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args='MusicnnBench -f 1 -wi 1 -i 3'} (add
 * {@code -p model=MSD_MUSICNN} to pick one model, {@code -p batch=1,16} for batch sizes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--enable-native-access=ALL-UNNAMED"})
public class MusicnnBench {
    @Param({"MSD_MUSICNN", "MTT_MUSICNN", "MSD_VGG", "MTT_VGG"})
    public String model;

    @Param({"16"})
    public int batch;

    private MusicnnModel network;
    private float[][] patches;

    @Setup(Level.Trial)
    public void setUp() {
        network = MusicnnModel.load(MusicnnWeights.valueOf(model), directory()).batchSize(batch);
        patches = patches(batch, 42);
    }

    @Benchmark
    public float[][] forward() {
        return network.taggram(patches);
    }

    static Path directory() {
        return Path.of(System.getProperty("bench.musicnn", "../shared/models/musicnn"));
    }

    /** Seeded random patches with values in musicnn's input range (log10(10000·x + 1) of mel power: 0 to ~6). */
    static float[][] patches(int n, long seed) {
        Random random = new Random(seed);
        float[][] p = new float[n][MusicnnInput.PATCH_SIZE];
        for (float[] row : p) for (int i = 0; i < row.length; i++) row[i] = (float) (3 * random.nextDouble());
        return p;
    }
}
