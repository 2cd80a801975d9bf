package org.genrebench.dataset;

/**
 * One model input with its ground truth and the song (group) it belongs to.
 * {@code X} is {@code double[]} for feature rows and {@code float[]} (a flattened mel window) for networks.
 *
 * @param input   the model input
 * @param songId  the song the input was cut from; chunk predictions are aggregated per song
 * @param groupId the unit kept on one side of every split (the artist when known, else the song)
 * @param label   class index into the dataset's class list
 */
public record Sample<X>(X input, String songId, String groupId, int label) {
    public Sample(X input, String songId, int label) {
        this(input, songId, songId, label);
    }
}
