package org.genrebench.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.model.deep.cpu.CpuWorkarounds;
import org.nd4j.linalg.dataset.DataSet;
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

import java.util.concurrent.TimeUnit;

/**
 * Seconds per training step (forward + backward + Adam) and per inference batch of the deep networks on
 * 1x128x130 windows. samples/s = batch / score. Run:
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args='DeepBench -f 1 -wi 1 -i 3'}
 * (add {@code -p net=cnn} to pick one, {@code -jvmArgsAppend -Dorg.eclipse.deeplearning4j.helpers.disable=true}
 * for DL4J's default, helper-less path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--enable-native-access=ALL-UNNAMED"})
public class DeepBench {
    @Param({"toy", "cnn", "vgg", "crnn"})
    public String net;

    @Param({"64"})
    public int batch;

    private MultiLayerNetwork model;
    private DataSet data;

    @Setup(Level.Trial)
    public void setUp() {
        CpuWorkarounds.install(0);
        model = BenchNets.network(net);
        data = BenchNets.batch(net, batch);
    }

    @Benchmark
    public double trainStep() {
        model.fit(data);
        return model.score();
    }

    @Benchmark
    public Object inference() {
        return model.output(data.getFeatures(), false);
    }
}
