package org.genrebench.experiment;

import org.genrebench.dataset.Sample;
import org.genrebench.pipeline.PreparedViews;

import java.util.List;
import java.util.Map;

/**
 * A dataset ready for the harness: the same songs seen two ways, as handcrafted feature rows (one per chunk) for
 * the classical models and as log-mel windows for the networks. {@code songIds}/{@code songLabels} list each
 * song once, in a fixed order, so that folds can be drawn on songs and shared by both views.
 *
 * @param name        dataset name used in report paths, e.g. {@code synthetic} or {@code gtzan}
 * @param description one line for the report: what the data is and where it came from
 * @param classNames  genre names; sample labels index into this list
 * @param songIds     every usable song once
 * @param songGroups  the group of each song (artist when known, else the song)
 * @param songLabels  the label of each song
 * @param features    feature rows (empty when no feature view was prepared)
 * @param windows     mel windows (empty when no spectrogram view was prepared)
 * @param skipped     inputs that could not be used
 * @param embedding   patch rows of pre-trained embeddings by {@code MODEL:LAYER} (empty when none was prepared)
 */
public record PreparedDataset(String name, String description, List<String> classNames, List<String> songIds,
                              List<String> songGroups, int[] songLabels, List<Sample<double[]>> features,
                              List<Sample<float[]>> windows, List<Skipped> skipped,
                              Map<String, List<Sample<double[]>>> embedding) implements PreparedViews {

    public PreparedDataset(String name, String description, List<String> classNames, List<String> songIds,
                           List<String> songGroups, int[] songLabels, List<Sample<double[]>> features,
                           List<Sample<float[]>> windows, List<Skipped> skipped) {
        this(name, description, classNames, songIds, songGroups, songLabels, features, windows, skipped, Map.of());
    }

    @Override
    public List<Sample<double[]>> embeddings(String key) {
        return embedding.getOrDefault(key, List.of());
    }

    /**
     * This dataset without the classes that have fewer than {@code minSongs} songs, each class named in the skipped
     * list with its songs ({@code compare --min-songs}); this dataset itself when every class has enough.
     */
    public PreparedDataset withoutClassesBelow(int minSongs) {
        int k = classNames.size();
        List<List<String>> songsOf = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) songsOf.add(new java.util.ArrayList<>());
        for (int i = 0; i < songIds.size(); i++) songsOf.get(songLabels[i]).add(songIds.get(i));
        int[] newIndex = new int[k];
        List<String> kept = new java.util.ArrayList<>();
        List<Skipped> left = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<String> songs = songsOf.get(c);
            if (songs.size() >= minSongs) {
                newIndex[c] = kept.size();
                kept.add(classNames.get(c));
                continue;
            }
            newIndex[c] = -1;
            String named = String.join(", ", songs.subList(0, Math.min(3, songs.size()))) + (songs.size() > 3 ? ", ..." : "");
            left.add(new Skipped("class '" + classNames.get(c) + "'", songs.size() + " song(s) (" + named + "), fewer than --min-songs "
                    + minSongs + "; left out with its songs"));
        }
        if (left.isEmpty()) return this;
        List<String> ids = new java.util.ArrayList<>(), groups = new java.util.ArrayList<>();
        List<Integer> labels = new java.util.ArrayList<>();
        for (int i = 0; i < songIds.size(); i++) {
            if (newIndex[songLabels[i]] < 0) continue;
            ids.add(songIds.get(i));
            groups.add(songGroups.get(i));
            labels.add(newIndex[songLabels[i]]);
        }
        List<Skipped> all = new java.util.ArrayList<>(skipped);
        all.addAll(left);
        return new PreparedDataset(name, description, List.copyOf(kept), ids, groups, labels.stream().mapToInt(Integer::intValue).toArray(),
                relabelled(features, newIndex), relabelled(windows, newIndex), all, relabelled(embedding, newIndex));
    }

    private static Map<String, List<Sample<double[]>>> relabelled(Map<String, List<Sample<double[]>>> embedding, int[] newIndex) {
        Map<String, List<Sample<double[]>>> out = new java.util.LinkedHashMap<>();
        embedding.forEach((key, samples) -> out.put(key, relabelled(samples, newIndex)));
        return out;
    }

    private static <X> List<Sample<X>> relabelled(List<Sample<X>> samples, int[] newIndex) {
        return samples.stream().filter(s -> newIndex[s.label()] >= 0).map(s -> s.withLabel(newIndex[s.label()])).toList();
    }

    /** The same dataset with {@code more} inputs added to its skipped list (e.g. problems found by a folder scan). */
    public PreparedDataset withMoreSkipped(List<Skipped> more) {
        List<Skipped> all = new java.util.ArrayList<>(skipped);
        all.addAll(more);
        return new PreparedDataset(name, description, classNames, songIds, songGroups, songLabels, features, windows, all, embedding);
    }
}
