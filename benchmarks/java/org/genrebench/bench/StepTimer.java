package org.genrebench.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.model.deep.NetworkArchitecture;
import org.genrebench.model.deep.cpu.CpuWorkarounds;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Quick, JMH-free timer for exploring backend settings: median seconds per training step and per inference
 * batch. {@code java ... StepTimer [net=toy] [batch=64] [steps=8] [threads=0] [helpers=true] [width=default] [full=false]}
 * (net: toy, toy-nhwc, toy-nows, cnn, vgg, crnn, gtzan-cnn; full=true drops the 2x2 stem; helpers=false turns off oneDNN inside the oneDNN build;
 * {@code -Dgenrebench.javaBatchNorm=false} keeps DL4J's own batch norm instead of {@code JavaBatchNormHelper}).
 */
public final class StepTimer {
    public static void main(String[] args) {
        String net = "toy";
        int batch = 64, steps = 8, threads = 0, warmup = 20, width = NetworkArchitecture.DEFAULT_WIDTH;
        boolean helpers = true, full = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "net" -> net = kv[1];
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "steps" -> steps = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "width" -> width = Integer.parseInt(kv[1]);
                case "helpers" -> helpers = Boolean.parseBoolean(kv[1]);
                case "full" -> full = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        CpuWorkarounds.install(threads);
        Nd4j.getEnvironment().allowHelpers(helpers);
        MultiLayerNetwork model = BenchNets.network(net, width, !full);
        DataSet ds = BenchNets.batch(net, batch);
        if (Boolean.getBoolean("bench.helpers.print")) {
            for (var layer : model.getLayers()) System.out.println(layer.getClass().getSimpleName() + " helper=" + layer.getHelper());
        }
        double[] train = new double[steps], infer = new double[steps];
        // warm-up steps: the Java kernels' loops reach C2 after some thousands of iterations, tens of steps
        for (int i = -warmup; i < steps; i++) {
            long t0 = System.nanoTime();
            model.fit(ds);
            if (i >= 0) train[i] = (System.nanoTime() - t0) / 1e9;
        }
        for (int i = -2; i < steps; i++) {
            long t0 = System.nanoTime();
            model.output(ds.getFeatures(), false);
            if (i >= 0) infer[i] = (System.nanoTime() - t0) / 1e9;
        }
        double tr = median(train), in = median(infer);
        System.out.printf("%s width %d %s batch %d helpers=%s [%s]: %,d parameters, train %.3f s/step (%.0f samples/s), inference %.3f s/batch (%.0f samples/s)%n",
                net, width, full ? "full resolution" : "2x2 stem", batch, helpers, CpuWorkarounds.describe(), model.numParams(),
                tr, batch / tr, in, batch / in);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
