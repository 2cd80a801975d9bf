package org.genrebench.pipeline;

import org.genrebench.model.GenreClassifier;

import java.util.List;

/**
 * The unit the catalogue builds, {@code train} fits and saves, and {@code predict} loads (scikit-learn's
 * {@code Pipeline}): an input view that turns a clip into inputs, then an estimator that turns inputs into class
 * probabilities. Everything the estimator learns, scaling included, is learnt inside its {@code fit}.
 *
 * @param name      the catalogue name, e.g. {@code svm} or {@code cnn}
 * @param view      how a clip becomes inputs
 * @param estimator the model on those inputs
 */
public record Pipeline<X>(String name, InputView<X> view, GenreClassifier<X> estimator) {

    /** Fits the estimator on this pipeline's view of {@code data}. */
    public void fit(PreparedViews data, int numClasses) {
        estimator.fit(view.select(data), numClasses);
    }

    /** How many inputs {@link #fit} sees in {@code data}. */
    public int inputCount(PreparedViews data) {
        return view.select(data).size();
    }

    /**
     * Song probabilities of one clip: the mean of its chunk (or window) probabilities, as the harness scores songs.
     * Its inputs are checked as every command checks them ({@link AudioInputs#inputs}).
     */
    public double[] songProbabilities(float[] y, int numClasses) {
        List<X> inputs = AudioInputs.inputs(view, y);
        double[][] chunks = estimator.predictProba(inputs);
        double[] song = new double[numClasses];
        for (double[] p : chunks) for (int c = 0; c < numClasses; c++) song[c] += p[c] / chunks.length;
        return song;
    }
}
