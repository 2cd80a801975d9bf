package org.genrebench.model.classical;

import smile.base.cart.CART;
import smile.base.cart.SplitRule;
import smile.classification.ClassLabels;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;
import smile.math.MathEx;
import smile.validation.ClassificationMetrics;

import org.genrebench.model.HyperParameter;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Smile's {@link RandomForest} with scikit-learn's defaults: 500 fully grown Gini trees on bootstrap samples,
 * √p features per split, leaf size 1. Smile grows the trees in parallel, each from its own seed (drawn from the
 * model's seed), so the forest is the same on any number of threads. Probabilities are the shares of the trees'
 * votes.
 *
 * <p>The trees are grown by {@link #grow}, which is {@code RandomForest.fit} of Smile 4.4.2 step for step (the same
 * per-class bootstrap from each tree's seed, the same {@link DecisionTree}s) without the out-of-bag scoring of each
 * tree. Smile scores a tree whose out-of-bag rows hold exactly two classes with its binary metrics, which accept only
 * the labels 0 and 1, so with three or more classes and few training rows (the inner folds of {@code --tune} on a
 * small set) {@code fit} failed with "Sensitivity can only be applied to binary classification". The votes, the only
 * thing used here, do not depend on that scoring.
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
        RandomForest forest = grow(Formula.lhs(LABEL), data, options);
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

    /**
     * Smile's {@code RandomForest.fit(formula, data, options)} for classification with bootstrap sampling
     * ({@code subsample} 1) and no class weights, as this model calls it, minus the trees' out-of-bag scores: each
     * tree gets accuracy NaN and weight 1, which {@link RandomForest#vote} does not read.
     */
    static RandomForest grow(Formula formula, DataFrame data, RandomForest.Options options) {
        if (options.subsample() != 1.0 || options.classWeight() != null || options.seeds() == null) {
            throw new IllegalArgumentException("grow takes seeded bootstrap forests without class weights");
        }
        Formula expanded = formula.expand(data.schema());
        DataFrame x = expanded.x(data);
        ValueVector response = expanded.y(data);
        int p = x.ncol(), n = x.size();
        int mtry = options.mtry() > 0 ? options.mtry() : (int) Math.sqrt(p);
        if (mtry > p) throw new IllegalArgumentException("Invalid mtry: " + mtry);
        int maxNodes = options.maxNodes() > 0 ? options.maxNodes() : Math.max(2, n / 5);
        ClassLabels codes = ClassLabels.fit(response);
        int k = codes.k;
        int[][] order = CART.order(x);
        int[] perClass = new int[k];
        for (int i = 0; i < n; i++) perClass[codes.y[i]]++;
        int[][] rowsOfClass = new int[k][];
        for (int c = 0; c < k; c++) rowsOfClass[c] = new int[perClass[c]];
        int[] filled = new int[k];
        for (int i = 0; i < n; i++) rowsOfClass[codes.y[i]][filled[codes.y[i]]++] = i;

        RandomForest.Model[] trees = IntStream.range(0, options.ntrees()).parallel().mapToObj(t -> {
            MathEx.setSeed(options.seeds()[t]);
            int[] samples = new int[n];
            for (int c = 0; c < k; c++) {
                for (int draw = 0; draw < perClass[c]; draw++) samples[rowsOfClass[c][MathEx.randomInt(perClass[c])]]++;
            }
            long start = System.nanoTime();
            DecisionTree tree = new DecisionTree(x, codes.y, response.field(), k, options.rule(), options.maxDepth(),
                    maxNodes, options.nodeSize(), mtry, samples, order);
            double fitMillis = (System.nanoTime() - start) / 1e6;
            return new RandomForest.Model(tree, new ClassificationMetrics(fitMillis, 0, 0, 0, Double.NaN), 1.0);
        }).toArray(RandomForest.Model[]::new);

        double[] importance = new double[trees[0].tree().importance().length];
        double fitMillis = 0;
        for (RandomForest.Model m : trees) {
            double[] treeImportance = m.tree().importance();
            for (int j = 0; j < importance.length; j++) importance[j] += treeImportance[j];
            fitMillis += m.metrics().fitTime();
        }
        return new RandomForest(expanded, k, trees, new ClassificationMetrics(fitMillis, 0, n, 0, Double.NaN), importance,
                codes.classes);
    }
}
