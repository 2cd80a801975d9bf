package org.genrebench.util;

import java.util.Random;

/** Seeded shuffles of index orders, shared by every trainer that draws mini-batches. */
public final class Permutations {
    private Permutations() {
    }

    /** Fisher-Yates shuffle of {@code order} in place with the given seeded generator. */
    public static void shuffle(int[] order, Random rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
