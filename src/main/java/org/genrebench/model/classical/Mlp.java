package org.genrebench.model.classical;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Multi-layer perceptron: ReLU hidden layers, softmax output, mini-batch Adam with L2 decay for a fixed number of
 * epochs (scikit-learn's MLPClassifier defaults: lr 1e-3, alpha 1e-4), shuffled with the model's seed.
 * Trained by {@link DenseNet}; see there for why not Smile's MLP. {@code bag=k} averages k such networks trained
 * from seeds {@code seed … seed+k−1} (a seed ensemble; 1 by default).
 */
public final class Mlp extends SmileClassifier {
    public Mlp(Map<String, String> params, long seed) {
        super("mlp", Map.of("hidden", "256,128", "epochs", "20", "batch", "32", "learningRate", "0.002",
                "weightDecay", "1e-4", "bag", "1"), params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        int[] hidden = Arrays.stream(param("hidden").split(",")).mapToInt(h -> Integer.parseInt(h.strip())).toArray();
        int[] sizes = IntStream.concat(IntStream.concat(IntStream.of(z[0].length), Arrays.stream(hidden)), IntStream.of(numClasses)).toArray();
        int bag = intParam("bag");
        if (bag < 1) throw new org.genrebench.util.UserException("model mlp: bag must be at least 1, got " + bag);
        DenseNet[] nets = new DenseNet[bag];
        for (int k = 0; k < bag; k++) nets[k] = trainNet(z, y, sizes, seed + k);
        if (bag == 1) return nets[0]::predict;
        return rows -> { // bag > 1: the mean of networks that differ only in their seed (initial weights and batch order)
            double[][] mean = new double[rows.length][numClasses];
            for (DenseNet net : nets) {
                double[][] p = net.predict(rows);
                for (int i = 0; i < rows.length; i++) for (int c = 0; c < numClasses; c++) mean[i][c] += p[i][c] / bag;
            }
            return mean;
        };
    }

    private DenseNet trainNet(double[][] z, int[] y, int[] sizes, long netSeed) {
        Random rng = new Random(netSeed);
        DenseNet net = new DenseNet(sizes, rng);
        DenseNet.Trainer trainer = net.new Trainer(doubleParam("learningRate"), doubleParam("weightDecay"));
        int batch = intParam("batch");
        int[] order = IntStream.range(0, z.length).toArray();
        for (int epoch = 0; epoch < intParam("epochs"); epoch++) {
            shuffle(order, rng);
            for (int from = 0; from < order.length; from += batch) {
                int[] idx = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
                trainer.step(Arrays.stream(idx).mapToObj(i -> z[i]).toArray(double[][]::new),
                        Arrays.stream(idx).map(i -> y[i]).toArray());
            }
        }
        return net;
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
