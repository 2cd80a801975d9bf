package org.genrebench.selection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grid searches one run has already made, by model, seed, inner folds, grid and the very training items
 * (compared by identity of their inputs): a soft-voting ensemble tuning its members on a training fold reuses the
 * search the standalone member already ran on that same fold instead of repeating it. The search is deterministic, so
 * sharing changes nothing but the time. A run owns one and hands it to every model it builds; nothing outlives it.
 */
public final class TuningChoices {
    record Key(String model, long seed, int innerFolds, int numClasses, List<Map<String, String>> grid, List<?> train) {
    }

    private final Map<Key, TunedClassifier.Choice> made = new ConcurrentHashMap<>();

    /** The choice made under {@code key}, or null. Not computeIfAbsent: that would hold a map lock through a long search. */
    TunedClassifier.Choice find(Key key) {
        return made.get(key);
    }

    /** Records {@code choice} unless another thread made the same (deterministic) one first. */
    void record(Key key, TunedClassifier.Choice choice) {
        made.putIfAbsent(key, choice);
    }

    /** How many searches are remembered. */
    public int size() {
        return made.size();
    }
}
