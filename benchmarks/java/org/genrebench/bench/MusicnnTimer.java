package org.genrebench.bench;

import org.genrebench.model.deep.cpu.CpuWorkarounds;
import org.genrebench.model.pretrained.MusicnnModel;
import org.genrebench.model.pretrained.MusicnnWeights;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Quick, JMH-free timer of a pre-trained musicnn model's forward pass, the DL4J side of
 * {@code benchmarks/musicnn-ratio.sh}: median seconds per batch of 3-s patches after two warm-up passes.
 * {@code java ... MusicnnTimer [model=MSD_musicnn] [batch=16] [steps=10] [threads=2] [dir=../shared/models/musicnn]}
 * (threads=0 keeps nd4j's own choice).
 */
public final class MusicnnTimer {
    public static void main(String[] args) {
        String model = "MSD_musicnn";
        int batch = 16, steps = 10, threads = 2;
        Path dir = MusicnnBench.directory();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "model" -> model = kv[1];
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "steps" -> steps = Integer.parseInt(kv[1]);
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "dir" -> dir = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        CpuWorkarounds.install(threads);
        MusicnnModel network = MusicnnModel.load(MusicnnWeights.byName(model), dir).batchSize(batch);
        float[][] patches = MusicnnBench.patches(batch, 42);
        double[] times = new double[steps];
        for (int i = -2; i < steps; i++) {
            long t0 = System.nanoTime();
            network.taggram(patches);
            if (i >= 0) times[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        double median = times[steps / 2];
        System.out.printf("%s batch %d [%s]: forward %.4f s/batch, %.4f s/patch (%.1f patches/s)%n", network.weights().id(),
                batch, CpuWorkarounds.describe(), median, median / batch, batch / median);
    }
}
