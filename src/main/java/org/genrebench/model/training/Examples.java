package org.genrebench.model.training;

import org.nd4j.linalg.dataset.DataSet;

import java.util.Random;

/** Labelled examples a network is trained or validated on, handed out as batches. */
public interface Examples {
    /** No examples: training without a validation set. */
    Examples NONE = new Examples() {
        @Override public int size() { return 0; }
        @Override public DataSet batch(int[] order, int from, int to) { throw new IndexOutOfBoundsException("no examples"); }
    };

    int size();

    /** Examples {@code order[from..to)} as they are, as one batch (validation). */
    DataSet batch(int[] order, int from, int to);

    /**
     * Examples {@code order[from..to)} as one training batch; augmentation, if any, draws from {@code rng}, the
     * trainer's seeded generator (which also shuffles). By default the examples as they are.
     */
    default DataSet trainingBatch(int[] order, int from, int to, Random rng) {
        return batch(order, from, to);
    }
}
