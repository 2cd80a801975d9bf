package org.genrebench.dataset;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Views of sample lists that copy nothing: a fold's samples by index, a list's inputs. With mel windows read from
 * disk on access ({@link MelWindowStore}) a copied list would bring every window of a fold back into the heap.
 */
public final class Samples {
    private Samples() {
    }

    /** {@code samples.get(indices[k])} at position {@code k}, read through on every access. */
    public static <X> List<Sample<X>> select(List<Sample<X>> samples, int[] indices) {
        int[] idx = indices.clone();
        return new View<>(idx.length) {
            @Override
            public Sample<X> get(int k) {
                return samples.get(idx[k]);
            }
        };
    }

    /** The inputs of {@code samples}, read through on every access. */
    public static <X> List<X> inputs(List<Sample<X>> samples) {
        return new View<>(samples.size()) {
            @Override
            public X get(int k) {
                return samples.get(k).input();
            }
        };
    }

    private abstract static class View<T> extends AbstractList<T> implements RandomAccess {
        private final int size;

        View(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String toString() { // AbstractList's would read every element
            return size + " samples";
        }
    }
}
