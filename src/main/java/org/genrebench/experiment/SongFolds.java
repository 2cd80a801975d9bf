package org.genrebench.experiment;

import org.genrebench.dataset.Sample;
import org.genrebench.split.Fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds drawn once on songs and projected onto any list of samples cut from those songs. This is what makes
 * "same folds for every model" literal: feature rows and mel windows of one song land in the same fold, and
 * every model, classical or deep, is tested on the same songs in each fold.
 */
public final class SongFolds {
    private SongFolds() {
    }

    /**
     * @param songFolds folds over the song list ({@code songIds.get(i)} is song index {@code i})
     * @return the same folds as indices into {@code samples}
     */
    public static <X> List<Fold> project(List<Fold> songFolds, List<String> songIds, List<Sample<X>> samples) {
        Map<String, Integer> songIndex = new HashMap<>();
        for (int i = 0; i < songIds.size(); i++) songIndex.put(songIds.get(i), i);
        // Sample indices of each song, in sample order.
        List<List<Integer>> bySong = new ArrayList<>();
        for (int i = 0; i < songIds.size(); i++) bySong.add(new ArrayList<>());
        for (int s = 0; s < samples.size(); s++) {
            Integer song = songIndex.get(samples.get(s).songId());
            if (song == null) throw new IllegalArgumentException("sample of unknown song " + samples.get(s).songId());
            bySong.get(song).add(s);
        }
        List<Fold> out = new ArrayList<>(songFolds.size());
        for (Fold f : songFolds) out.add(new Fold(f.index(), expand(f.train(), bySong), expand(f.test(), bySong)));
        return out;
    }

    private static int[] expand(int[] songs, List<List<Integer>> bySong) {
        return java.util.Arrays.stream(songs).flatMap(s -> bySong.get(s).stream().mapToInt(Integer::intValue))
                .sorted().toArray();
    }
}
