package org.genrebench.feature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChunkSpansTest {
    @Test
    void wholeChunksOnlyAsInTheCommunityThreeSecondTable() {
        // a 30-s GTZAN clip (661 794 samples) gives ten 66 149-sample rows; the 304-sample rest is dropped
        assertEquals(new ChunkSpans(66_149, 10), ChunkSpans.of(661_794, 66_149));
        assertEquals(66_149 * 9, ChunkSpans.of(661_794, 66_149).start(9));
        assertEquals(new ChunkSpans(100, 3), ChunkSpans.of(300, 100));
    }

    @Test
    void noChunkingOrAClipShorterThanOneChunkGivesOneRowOverTheWholeClip() {
        assertEquals(new ChunkSpans(661_794, 1), ChunkSpans.of(661_794, 0));
        assertEquals(new ChunkSpans(22_050, 1), ChunkSpans.of(22_050, 66_149));
        assertEquals(new ChunkSpans(66_149, 1), ChunkSpans.of(66_149, 66_149));
        assertThrows(IllegalArgumentException.class, () -> ChunkSpans.of(0, 100));
    }
}
