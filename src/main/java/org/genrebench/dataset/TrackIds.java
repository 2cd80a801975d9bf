package org.genrebench.dataset;

/**
 * GTZAN naming: {@code blues.00000.wav} (or {@code .au}) is song {@code blues.00000}; a 3-second chunk
 * {@code blues.00000.3.wav} is item {@code blues.00000.3} of that same song.
 */
public final class TrackIds {
    private TrackIds() {
    }

    /** File name (any folder prefix, {@code .wav}/{@code .au} suffix) to item id, e.g. {@code blues.00000.3}. */
    public static String itemId(String fileName) {
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String ext : new String[]{".wav", ".au"}) {
            if (lower.endsWith(ext)) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }

    /** Item id to its song: the first two dot-separated parts ({@code blues.00000.3} → {@code blues.00000}). */
    public static String songId(String itemId) {
        int first = itemId.indexOf('.');
        if (first < 0) return itemId;
        int second = itemId.indexOf('.', first + 1);
        return second < 0 ? itemId : itemId.substring(0, second);
    }
}
