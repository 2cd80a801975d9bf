package org.genrebench.model.classical;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Random forest of fully grown Gini trees with √p features per split (scikit-learn's defaults); probabilities are
 * the fractions of tree votes. One seed per tree keeps the forest reproducible under Smile's parallel training.
 */
public final class RandomForestModel extends SmileClassifier {
    public RandomForestModel(Map<String, String> params, long seed) {
        super("rf", Map.of("trees", "500", "mtry", "sqrt", "nodeSize", "1"), params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        int p = z[0].length;
        String[] names = IntStream.range(0, p).mapToObj(j -> "x" + j).toArray(String[]::new);
        DataFrame df = DataFrame.of(z, names).add(new IntVector("y", y));
        int trees = intParam("trees");
        int mtry = param("mtry").equals("sqrt") ? (int) Math.floor(Math.sqrt(p)) : intParam("mtry");
        long[] seeds = new Random(seed).longs(trees).toArray();
        var options = new RandomForest.Options(trees, mtry, SplitRule.GINI, Integer.MAX_VALUE, z.length,
                intParam("nodeSize"), 1.0, null, seeds, null);
        RandomForest rf = RandomForest.fit(Formula.lhs("y"), df, options);
        int[] classes = rf.classes();
        return rows -> {
            DataFrame test = DataFrame.of(rows, names);
            double[][] out = new double[rows.length][numClasses];
            double[] post = new double[classes.length];
            for (int i = 0; i < rows.length; i++) {
                rf.vote(test.get(i), post); // tree votes: Smile's soft leaf posteriors are Laplace-smoothed
                for (int j = 0; j < classes.length; j++) out[i][classes[j]] = post[j];
            }
            return out;
        };
    }
}
