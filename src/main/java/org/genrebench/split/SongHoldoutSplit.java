package org.genrebench.split;

import org.genrebench.util.UserException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * N songs of every genre held out once as the test set (one tutorial holds out 3 per genre). Whole groups are held
 * out (the artist when known), so the split stays group-disjoint; a genre's test side grows group by group until
 * it holds at least N songs.
 */
public final class SongHoldoutSplit {
    private SongHoldoutSplit() {
    }

    /** Fails unless {@code genre}, with {@code songs} songs, keeps one for training after {@code perGenre} held out. */
    public static void requireEnough(String genre, int songs, int perGenre) {
        if (songs <= perGenre) {
            throw new UserException("song-holdout " + perGenre + " needs more than " + perGenre + " songs in every genre; "
                    + genre + " has " + songs + " (lower N in song-holdout:N, or add songs)");
        }
    }

    /**
     * @param groups group of each song
     * @param labels genre of each song
     */
    public static Fold split(List<String> groups, int[] labels, int perGenre, long seed) {
        if (perGenre < 1) throw new UserException("song-holdout needs at least 1 song per genre, got " + perGenre);
        Map<Integer, Map<String, List<Integer>>> byGenre = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byGenre.computeIfAbsent(labels[i], c -> new LinkedHashMap<>()).computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        boolean[] inTest = new boolean[labels.length];
        for (var genre : byGenre.entrySet()) {
            List<List<Integer>> order = new ArrayList<>(genre.getValue().values());
            int songs = order.stream().mapToInt(List::size).sum();
            requireEnough("genre " + genre.getKey(), songs, perGenre);
            Collections.shuffle(order, random);
            int held = 0;
            for (List<Integer> group : order) {
                if (held >= perGenre) break;
                for (int i : group) inTest[i] = true;
                held += group.size();
            }
        }
        return new Fold(0, IntStream.range(0, labels.length).filter(i -> !inTest[i]).toArray(),
                IntStream.range(0, labels.length).filter(i -> inTest[i]).toArray());
    }
}
