package org.genrebench.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's out-of-fold song predictions pooled over all its folds and repeats: per song, how often it was
 * tested and how often its song-level prediction (mean chunk probability) was right, plus the first repeat's
 * prediction for paired tests that need one verdict per song.
 */
public record PooledSongs(List<String> songs, double[] fractionCorrect, Map<String, Boolean> firstRepeatCorrect) {

    /** @param foldsPerRepeat folds of one repeat; the model's folds are the repeats' folds one after another */
    public static PooledSongs of(ModelResult model, int foldsPerRepeat) {
        Map<String, int[]> tally = new LinkedHashMap<>();
        Map<String, Boolean> first = new LinkedHashMap<>();
        for (int i = 0; i < model.folds().size(); i++) {
            FoldResult f = model.folds().get(i);
            SongAggregator.Songs songs = SongAggregator.aggregate(f.songIds(), f.labels(), f.proba());
            for (int s = 0; s < songs.songs().size(); s++) {
                boolean right = songs.meanPred()[s] == songs.labels()[s];
                int[] t = tally.computeIfAbsent(songs.songs().get(s), k -> new int[2]);
                t[0] += right ? 1 : 0;
                t[1]++;
                if (i < foldsPerRepeat) first.putIfAbsent(songs.songs().get(s), right);
            }
        }
        double[] fraction = tally.values().stream().mapToDouble(t -> t[0] / (double) t[1]).toArray();
        return new PooledSongs(List.copyOf(tally.keySet()), fraction, first);
    }

    /** Pooled song accuracy: mean over songs of the fraction of repeats that got the song right. */
    public double accuracy() {
        return Stats.mean(fractionCorrect);
    }
}
