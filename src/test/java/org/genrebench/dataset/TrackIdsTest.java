package org.genrebench.dataset;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Feature-table row names read back to the ids and songs they were written for. */
class TrackIdsTest {

    private static Track track(String id, String file) {
        return new Track(id, id, "any", Path.of("/data").resolve(file));
    }

    @Test
    void everyRowNameReadsBackToItsTrackAndEveryChunkToItsSong() {
        List<Track> tracks = List.of(
                track("blues.00000", "blues/blues.00000.au"),
                track("rock/Album A/01 - Track", "rock/Album A/01 - Track.mp3"),
                track("rock/Album B/01 - Track", "rock/Album B/01 - Track.mp3"),
                track("rock/Album B/01 - Track.live", "rock/Album B/01 - Track.live.wav"),
                track("classical/copy_classical.00010", "classical/copy_classical.00010.wav"),
                track("pop/take.3", "pop/take.3.wav"),
                track("000002", "000/000002.mp3"),
                track("sub/y", "sub/y.flac"));
        for (Track t : tracks) {
            String whole = TrackIds.itemId(TrackIds.rowName(t));
            assertEquals(whole, TrackIds.songId(whole), t + ": a whole-track row is a song of its own");
            for (int k : new int[]{0, 3, 12}) {
                String chunk = TrackIds.itemId(TrackIds.chunkStem(t) + "." + k + ".wav");
                assertNotEquals(whole, chunk);
                assertEquals(TrackIds.songId(TrackIds.itemId(TrackIds.chunkStem(t) + ".0.wav")), TrackIds.songId(chunk), t + " chunk " + k);
                assertNotEquals(chunk, TrackIds.songId(chunk), t + ": a chunk is not a song");
            }
        }
        assertEquals(tracks.size(), tracks.stream().map(t -> TrackIds.itemId(TrackIds.rowName(t))).distinct().count(),
                "files of one name in different folders stay apart");
        assertEquals("blues.00000.au", TrackIds.rowName(tracks.getFirst()));
        assertEquals("blues.00000", TrackIds.chunkStem(tracks.getFirst()), "the community table's chunk names");
        assertEquals("rock/Album A/01 - Track.mp3", TrackIds.rowName(tracks.get(1)));
        assertEquals("rock/Album A/01 - Track.mp3", TrackIds.songId(TrackIds.itemId("rock/Album A/01 - Track.mp3.3.wav")));
    }

    @Test
    void gtzanNamesAreGtzanOnlyInTheirOwnGenre() {
        assertEquals("blues.00000", TrackIds.itemId("blues.00000.wav"));
        assertEquals("blues.00000", TrackIds.itemId("genres/blues/blues.00000.wav"), "fault-filtered lists name the folder");
        assertEquals("blues.00000", TrackIds.songId(TrackIds.itemId("blues.00000.3.wav")));
        assertEquals("classical/copy_classical.00010", TrackIds.itemId("classical/copy_classical.00010.wav"));
        assertEquals(Optional.of("jazz.00001"), TrackIds.gtzanSong("jazz.00001", "Jazz"));
        assertEquals(Optional.empty(), TrackIds.gtzanSong("copy_classical.00010", "classical"));
        assertEquals(Optional.of("rock"), TrackIds.gtzanGenreNamed("rock.00003"));
        assertEquals(Optional.empty(), TrackIds.gtzanGenreNamed("copy_classical.00010"));
    }
}
