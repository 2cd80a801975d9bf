package org.genrebench.eval;

import java.util.List;
import java.util.Map;

/**
 * The raw outcome of one model on one fold: chunk-level probabilities for every test item plus timings.
 * Everything else (song scores, metrics) is derived from it, so this is all a resumed run needs to reload.
 *
 * @param model           model name
 * @param fold            fold index
 * @param trainSize       number of training items (for the corrected t-test)
 * @param testIndex       index of each test item in the harness's sample list
 * @param songIds         song of each test item
 * @param labels          true class of each test item
 * @param proba           predicted class probabilities, one row per test item
 * @param fitSeconds      wall time of {@code fit}
 * @param predictSeconds  wall time of {@code predictProba} over the test items
 * @param hyperParameters the model's hyper-parameters after fitting (tuned ones included)
 */
public record FoldResult(String model, int fold, int trainSize, int[] testIndex, List<String> songIds, int[] labels,
                         double[][] proba, double fitSeconds, double predictSeconds, Map<String, String> hyperParameters)
        implements java.io.Serializable {

    /** Chunk-level argmax predictions. */
    public int[] predicted() {
        int[] p = new int[proba.length];
        for (int i = 0; i < p.length; i++) p[i] = Stats.argmax(proba[i]);
        return p;
    }

    /** Test items predicted per second. */
    public double throughput() {
        return predictSeconds <= 0 ? Double.POSITIVE_INFINITY : proba.length / predictSeconds;
    }
}
