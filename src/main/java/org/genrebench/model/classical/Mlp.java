package org.genrebench.model.classical;

import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import org.genrebench.util.Permutations;
import smile.util.function.TimeFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrebench.model.HyperParameter;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Smile's multi-layer perceptron: ReLU hidden layers (256, 128), softmax output trained on cross-entropy by
 * mini-batch SGD ({@link MLP#update(double[][], int[])}) with momentum and L2 weight decay, for a fixed number of
 * epochs, batches shuffled with the model's seed. {@code bag=k} averages k such networks trained from seeds
 * {@code seed … seed+k−1} (a seed ensemble; 1 by default). Fitted with OpenBLAS on one thread
 * ({@link SingleThreadBlas}): Smile's layers make one small BLAS call per sample, which OpenBLAS's threads slow down.
 */
public final class Mlp extends SmileClassifier {
    public static final List<HyperParameter> PARAMETERS = List.of(
            new HyperParameter("hidden", "256,128", "comma-separated layer sizes >= 1", v -> v.matches("\\s*[1-9]\\d{0,5}\\s*(,\\s*[1-9]\\d{0,5}\\s*)*"),
                    "hidden ReLU layer sizes"),
            HyperParameter.integer("epochs", 20, 1, 100_000, "passes over the training rows"),
            HyperParameter.integer("batch", 32, 1, 1_000_000, "mini-batch size"),
            HyperParameter.number("learningRate", "0.03", 1e-9, 10, "SGD step"),
            HyperParameter.number("momentum", "0.9", 0, 0.9999, "SGD momentum"),
            HyperParameter.number("weightDecay", "1e-4", 0, 10, "L2 weight decay"),
            HyperParameter.integer("bag", 1, 1, 1000, "networks averaged, from consecutive seeds"));

    public Mlp(Map<String, String> params, long seed) {
        super("mlp", PARAMETERS, params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        int[] hidden = Arrays.stream(param("hidden").split(",")).mapToInt(h -> Integer.parseInt(h.strip())).toArray();
        int bag = intParam("bag");
        List<Predictor> nets = new ArrayList<>();
        for (int k = 0; k < bag; k++) {
            long netSeed = seed + k;
            nets.add(soft(SingleThreadBlas.call(() -> trainNet(z, y, hidden, numClasses, netSeed)), numClasses));
        }
        if (bag == 1) return nets.getFirst();
        return rows -> { // the mean of networks that differ only in their seed (initial weights and batch order)
            double[][] mean = new double[rows.length][numClasses];
            for (Predictor net : nets) {
                double[][] p = net.proba(rows);
                for (int i = 0; i < rows.length; i++) for (int c = 0; c < numClasses; c++) mean[i][c] += p[i][c] / bag;
            }
            return mean;
        };
    }

    private MLP trainNet(double[][] z, int[] y, int[] hidden, int numClasses, long netSeed) {
        smile.math.MathEx.setSeed(netSeed); // Smile draws the initial weights from its per-thread generator
        LayerBuilder[] layers = new LayerBuilder[hidden.length + 2];
        layers[0] = Layer.input(z[0].length);
        for (int h = 0; h < hidden.length; h++) layers[h + 1] = Layer.rectifier(hidden[h]);
        layers[layers.length - 1] = Layer.mle(numClasses, OutputFunction.SOFTMAX);
        MLP net = new MLP(layers);
        net.setLearningRate(TimeFunction.constant(doubleParam("learningRate")));
        net.setMomentum(TimeFunction.constant(doubleParam("momentum")));
        net.setWeightDecay(doubleParam("weightDecay"));
        Random rng = new Random(netSeed);
        int batch = intParam("batch");
        int[] order = IntStream.range(0, z.length).toArray();
        for (int epoch = 0; epoch < intParam("epochs"); epoch++) {
            Permutations.shuffle(order, rng);
            for (int from = 0; from < order.length; from += batch) {
                int[] idx = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
                net.update(Arrays.stream(idx).mapToObj(i -> z[i]).toArray(double[][]::new), Arrays.stream(idx).map(i -> y[i]).toArray());
            }
        }
        return net;
    }
}
