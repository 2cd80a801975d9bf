package org.genrebench.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One item of a genre dataset.
 *
 * @param id     unique id of this item, e.g. {@code blues.00000} or, for a chunk, {@code blues.00000.3}
 * @param songId the song this item belongs to; every chunk of a song shares it, and folds never split it
 * @param label  genre name, e.g. {@code blues}
 * @param source where the item was read from (audio file or CSV), for messages and caching
 * @param artist the artist when the dataset knows it (folds then keep artists apart too)
 */
public record Track(String id, String songId, String label, Path source, Optional<String> artist) {
    public Track(String id, String songId, String label, Path source) {
        this(id, songId, label, source, Optional.empty());
    }

    /** The unit that must stay on one side of every split: the artist when known, else the song. */
    public String groupId() {
        return artist.orElse(songId);
    }
}
