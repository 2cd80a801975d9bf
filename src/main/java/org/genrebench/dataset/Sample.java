package org.genrebench.dataset;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One model input with its ground truth and the song (group) it belongs to.
 * {@code X} is {@code double[]} for feature rows and {@code float[]} (a flattened mel window) for networks.
 * The input may be read on each access ({@link #reading}): a mel window on disk is then loaded only by the code
 * that needs its values, while folds, splits and scores read the song, group and label for free.
 */
public final class Sample<X> {
    private final X input;
    private final Supplier<X> reader;
    private final String songId;
    private final String groupId;
    private final int label;

    /**
     * @param input   the model input
     * @param songId  the song the input was cut from; chunk predictions are aggregated per song
     * @param groupId the unit kept on one side of every split (the artist when known, else the song)
     * @param label   class index into the dataset's class list
     */
    public Sample(X input, String songId, String groupId, int label) {
        this(Objects.requireNonNull(input, "input"), null, songId, groupId, label);
    }

    public Sample(X input, String songId, int label) {
        this(input, songId, songId, label);
    }

    private Sample(X input, Supplier<X> reader, String songId, String groupId, int label) {
        this.input = input;
        this.reader = reader;
        this.songId = songId;
        this.groupId = groupId;
        this.label = label;
    }

    /** A sample whose input {@code reader} gives anew on every {@link #input()} call (nothing is kept). */
    public static <X> Sample<X> reading(Supplier<X> reader, String songId, String groupId, int label) {
        return new Sample<>(null, Objects.requireNonNull(reader, "reader"), songId, groupId, label);
    }

    /** The same input (read as this one is), song and group under another class index. */
    public Sample<X> withLabel(int newLabel) {
        return new Sample<>(input, reader, songId, groupId, newLabel);
    }

    /** The model input; for a {@link #reading} sample, read again on each call. */
    public X input() {
        return reader == null ? input : reader.get();
    }

    public String songId() {
        return songId;
    }

    public String groupId() {
        return groupId;
    }

    public int label() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample<?> s && reader == null && s.reader == null && Objects.equals(input, s.input)
                && songId.equals(s.songId) && groupId.equals(s.groupId) && label == s.label;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reader == null ? input : reader, songId, groupId, label);
    }

    @Override
    public String toString() {
        return "Sample[song=" + songId + ", group=" + groupId + ", label=" + label + "]";
    }
}
