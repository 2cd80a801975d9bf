package org.genrebench.model;

import org.genrebench.dataset.Sample;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The one contract every model implements, classical or deep (scikit-learn's fit/predict_proba).
 *
 * <p>{@link #fit} sees the training fold only. Anything learnt from data, including feature scaling,
 * happens inside it, so nothing from a test fold can leak into training.
 *
 * @param <X> the input type: {@code double[]} feature rows or {@code float[]} mel windows
 */
public interface GenreClassifier<X> {

    /** Short stable name used in reports and on the command line, e.g. {@code svm} or {@code cnn}. */
    String name();

    /** Trains from scratch on {@code train}; labels are in {@code [0, numClasses)}. */
    void fit(List<Sample<X>> train, int numClasses);

    /** Class probabilities, one row per input, each row summing to 1. */
    double[][] predictProba(List<X> inputs);

    /** Hyper-parameters in effect (after tuning, if any), for the report. */
    Map<String, String> hyperParameters();

    /**
     * The fitted state, which the model file stores and restores to an estimator giving identical probabilities
     * (see {@code pipeline.ModelFile}).
     */
    EstimatorState state() throws IOException;
}
