package org.genrebench.model.classical;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

import org.genrebench.model.HyperParameter;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Smile's {@link RandomForest} with scikit-learn's defaults: 500 fully grown Gini trees on bootstrap samples,
 * √p features per split, leaf size 1. Smile grows the trees in parallel, each from its own seed (drawn from the
 * model's seed), so the forest is the same on any number of threads. Probabilities are the mean of the trees'
 * leaf posteriors.
 */
public final class RandomForestModel extends SmileClassifier {
    private static final String LABEL = "genre";

    public static final List<HyperParameter> PARAMETERS = List.of(
            HyperParameter.integer("trees", 500, 1, 100_000, "trees in the forest"),
            new HyperParameter("mtry", "sqrt", "sqrt or an integer >= 1", v -> v.equals("sqrt") || HyperParameter.isInteger(v) && Integer.parseInt(v) >= 1,
                    "features tried per split (sqrt: the square root of their number)"),
            HyperParameter.integer("minLeaf", 1, 1, 100_000, "smallest leaf size"));

    public RandomForestModel(Map<String, String> params, long seed) {
        super("rf", PARAMETERS, params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        int p = z[0].length;
        int mtry = param("mtry").equals("sqrt") ? (int) Math.floor(Math.sqrt(p)) : intParam("mtry");
        int trees = intParam("trees");
        String[] names = IntStream.range(0, p).mapToObj(j -> "x" + j).toArray(String[]::new);
        DataFrame data = DataFrame.of(z, names).add(new IntVector(LABEL, y));
        long[] seeds = new SplittableRandom(seed).longs(trees).toArray();
        // maxDepth and maxNodes at their ceilings: trees grow until leaves are pure or hold minLeaf rows (sklearn's default)
        var options = new RandomForest.Options(trees, Math.max(1, Math.min(mtry, p)), SplitRule.GINI, Integer.MAX_VALUE,
                z.length, intParam("minLeaf"), 1.0, null, seeds, null);
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), data, options);
        StructType schema = DataFrame.of(new double[1][p], names).schema();
        int[] classes = forest.classes();
        return rows -> {
            double[][] out = new double[rows.length][numClasses];
            double[] post = new double[classes.length];
            for (int i = 0; i < rows.length; i++) {
                forest.vote(Tuple.of(schema, rows[i]), post);
                for (int j = 0; j < classes.length; j++) out[i][classes[j]] = post[j];
            }
            return out;
        };
    }
}
