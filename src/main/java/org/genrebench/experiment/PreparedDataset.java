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

    /** The same dataset with {@code more} inputs added to its skipped list (e.g. problems found by a folder scan). */
    public PreparedDataset withMoreSkipped(List<Skipped> more) {
        List<Skipped> all = new java.util.ArrayList<>(skipped);
        all.addAll(more);
        return new PreparedDataset(name, description, classNames, songIds, songGroups, songLabels, features, windows, all, embedding);
    }
}
