package org.genrebench.split;

import java.util.Arrays;

/**
 * One train/test partition, as indices into the caller's sample list.
 *
 * @param index position of this fold (0-based), used in file names and reports
 * @param train indices the model is fitted on
 * @param test  indices it is scored on; disjoint from {@code train} at the group level
 */
public record Fold(int index, int[] train, int[] test) {
    public Fold {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public String toString() {
        return "Fold[" + index + ", train=" + train.length + ", test=" + test.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fold f && f.index == index && Arrays.equals(f.train, train) && Arrays.equals(f.test, test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + Arrays.hashCode(train)) + Arrays.hashCode(test);
    }
}
