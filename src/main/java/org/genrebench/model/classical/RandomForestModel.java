package org.genrebench.model.classical;

import java.util.Map;

/**
 * Random forest of fully grown Gini trees with √p features per split, bootstrap samples and leaf class fractions
 * averaged over trees: scikit-learn's defaults and algorithm, grown by {@link GiniForest} (see there for why not
 * Smile's {@code RandomForest}). One seed per tree keeps the forest reproducible.
 */
public final class RandomForestModel extends SmileClassifier {
    public RandomForestModel(Map<String, String> params, long seed) {
        super("rf", Map.of("trees", "500", "mtry", "sqrt", "minLeaf", "1"), params, seed);
    }

    @Override
    protected Predictor train(double[][] z, int[] y, int numClasses) {
        int p = z[0].length;
        int mtry = param("mtry").equals("sqrt") ? (int) Math.floor(Math.sqrt(p)) : intParam("mtry");
        GiniForest forest = GiniForest.fit(z, y, numClasses, intParam("trees"), mtry, intParam("minLeaf"), seed);
        return forest::predict;
    }
}
