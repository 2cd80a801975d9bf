package org.genrebench.model.classical;

import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.util.function.TimeFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multi-layer perceptron (ReLU hidden layers, softmax output, cross-entropy) trained by mini-batch SGD with
 * momentum and L2 weight decay for a fixed number of epochs, shuffling with the model's seed.
 */
public final class Mlp extends SmileClassifier {
    public Mlp(Map<String, String> params, long seed) {
        super("mlp", Map.of("hidden", "256,128", "epochs", "100", "batch", "32", "learningRate", "0.01",
                "momentum", "0.9", "weightDecay", "1e-4"), params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        List<LayerBuilder> layers = new ArrayList<>();
        layers.add(Layer.input(z[0].length));
        for (String h : param("hidden").split(",")) layers.add(Layer.rectifier(Integer.parseInt(h.strip())));
        layers.add(Layer.mle(numClasses, OutputFunction.SOFTMAX));
        MLP mlp = new MLP(smile.util.IntSet.of(numClasses), layers.toArray(LayerBuilder[]::new));
        mlp.setLearningRate(TimeFunction.constant(doubleParam("learningRate")));
        mlp.setMomentum(TimeFunction.constant(doubleParam("momentum")));
        mlp.setWeightDecay(doubleParam("weightDecay"));

        int batch = intParam("batch");
        Random rng = new Random(seed);
        int[] order = java.util.stream.IntStream.range(0, z.length).toArray();
        for (int epoch = 0; epoch < intParam("epochs"); epoch++) {
            shuffle(order, rng);
            for (int from = 0; from < order.length; from += batch) {
                int[] idx = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
                mlp.update(Arrays.stream(idx).mapToObj(i -> z[i]).toArray(double[][]::new),
                        Arrays.stream(idx).map(i -> y[i]).toArray());
            }
        }
        return soft(mlp, numClasses);
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
