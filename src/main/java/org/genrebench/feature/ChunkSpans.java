package org.genrebench.feature;

/**
 * How a clip is cut into feature rows: the one rule that {@code extract} (feature tables) and {@code compare}/{@code
 * train} (model inputs) share. {@code chunkSamples <= 0} means one row over the whole clip; otherwise as many whole
 * chunks as fit (the community 3-second table drops the remainder), and a clip shorter than one chunk still gives one
 * row, over the whole clip, rather than none.
 *
 * @param length samples per row
 * @param count  number of rows; row {@code k} starts at {@code k * length}
 */
public record ChunkSpans(int length, int count) {

    public static ChunkSpans of(int clipSamples, int chunkSamples) {
        if (clipSamples <= 0) throw new IllegalArgumentException("empty clip");
        if (chunkSamples <= 0 || clipSamples < chunkSamples) return new ChunkSpans(clipSamples, 1);
        return new ChunkSpans(chunkSamples, clipSamples / chunkSamples);
    }

    public int start(int k) {
        return k * length;
    }
}
