package org.genrebench.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The tutorials' protocol: every chunk of every song shuffled and split once into train and test, ignoring which
 * song a chunk came from. Chunks of one song land on both sides, so the test score measures memorisation of songs
 * as much as genre recognition; GenreBench offers it only to measure that leak.
 */
public final class ChunkShuffleSplit {
    private ChunkShuffleSplit() {
    }

    /** @param testFraction share of the items in the test side, e.g. 0.2 */
    public static Fold split(int items, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("test fraction must be in (0, 1)");
        List<Integer> order = new ArrayList<>(IntStream.range(0, items).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        int test = (int) Math.round(items * testFraction);
        return new Fold(0, order.subList(test, items).stream().mapToInt(Integer::intValue).sorted().toArray(),
                order.subList(0, test).stream().mapToInt(Integer::intValue).sorted().toArray());
    }
}
