package org.genrebench.split;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StratifiedGroupKFoldTest {

    /** A random dataset: groups of 1..maxGroup items, each group one class (songs; chunks share the label). */
    private record Data(List<String> groups, int[] labels, int numClasses, int maxGroup) {
    }

    private static Data randomData(long seed, int numGroups, int numClasses, int maxGroup) {
        Random rng = new Random(seed);
        List<String> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int g = 0; g < numGroups; g++) {
            int label = rng.nextInt(numClasses);
            int size = 1 + rng.nextInt(maxGroup);
            for (int i = 0; i < size; i++) {
                groups.add("song" + g);
                labels.add(label);
            }
        }
        // interleave so group members are not contiguous
        List<Integer> perm = new ArrayList<>(IntStream.range(0, groups.size()).boxed().toList());
        java.util.Collections.shuffle(perm, rng);
        return new Data(perm.stream().map(groups::get).toList(), perm.stream().mapToInt(labels::get).toArray(), numClasses, maxGroup);
    }

    @Property(tries = 200, seed = "20261121") // fixed seed: the same 200 datasets every run, so CI cannot flake
    void groupsNeverSpanFoldsAndClassSharesStayClose(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int k,
                                                     @ForAll @IntRange(min = 2, max = 6) int numClasses,
                                                     @ForAll @IntRange(min = 1, max = 4) int maxGroup) {
        Data d = randomData(seed, 40 * numClasses, numClasses, maxGroup);
        List<Fold> folds = new StratifiedGroupKFold(k, seed).split(d.groups(), d.labels());
        assertEquals(k, folds.size());

        Map<String, Integer> foldOfGroup = new HashMap<>();
        int[] seen = new int[d.labels().length];
        for (Fold f : folds) {
            for (int i : f.test()) {
                seen[i]++;
                Integer previous = foldOfGroup.putIfAbsent(d.groups().get(i), f.index());
                assertTrue(previous == null || previous == f.index(), "group " + d.groups().get(i) + " in two test folds");
            }
            // training and test side share no group
            java.util.Set<String> testGroups = new java.util.HashSet<>();
            for (int i : f.test()) testGroups.add(d.groups().get(i));
            for (int i : f.train()) assertTrue(!testGroups.contains(d.groups().get(i)), "group on both sides");
            assertEquals(d.labels().length, f.train().length + f.test().length);
        }
        for (int s : seen) assertEquals(1, s, "every item is tested exactly once");

        // class proportions: each fold's count of a class is within one group of its fair share
        int[] totals = new int[d.numClasses()];
        for (int y : d.labels()) totals[y]++;
        for (Fold f : folds) {
            int[] counts = new int[d.numClasses()];
            for (int i : f.test()) counts[d.labels()[i]]++;
            for (int c = 0; c < d.numClasses(); c++) {
                double fair = totals[c] / (double) k;
                assertTrue(Math.abs(counts[c] - fair) <= d.maxGroup() + 1,
                        "class " + c + " fold " + f.index() + ": " + counts[c] + " vs fair " + fair);
            }
        }
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        Data d = randomData(7, 100, 4, 3);
        List<Fold> a = new StratifiedGroupKFold(5, 42).split(d.groups(), d.labels());
        List<Fold> b = new StratifiedGroupKFold(5, 42).split(d.groups(), d.labels());
        List<Fold> c = new StratifiedGroupKFold(5, 43).split(d.groups(), d.labels());
        for (int i = 0; i < 5; i++) assertArrayEquals(a.get(i).test(), b.get(i).test());
        assertTrue(IntStream.range(0, 5).anyMatch(i -> !java.util.Arrays.equals(a.get(i).test(), c.get(i).test())));
    }
}
