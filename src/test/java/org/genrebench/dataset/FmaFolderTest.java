package org.genrebench.dataset;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class FmaFolderTest {
    @TempDir
    Path tmp;

    @Test
    void labelsSplitsAndArtistsComeFromTracksCsvBeside() throws IOException {
        Path audio = FakeFma.write(tmp);
        AudioDataset data = AudioDataset.load(List.of(audio));
        assertEquals(List.of("000002", "000003", "000005", "000140", "000010", "000020", "000026", "000141", "099134"),
                data.tracks().stream().map(Track::id).toList());
        assertEquals(List.of("Hip-Hop", "Pop"), data.genres());
        Track first = data.tracks().getFirst();
        assertEquals(Optional.of("artist 1"), first.artist());
        assertEquals("artist 1", first.groupId(), "k-fold keeps artists apart");
        assertEquals(audio.resolve("000/000002.mp3"), first.source());
        assertEquals("training", data.officialSplit().get("000002"));
        assertEquals("test", data.officialSplit().get("000020"));
        assertEquals("validation", data.officialSplit().get("000005"));
        String out = String.join("\n", data.excluded().stream().map(Excluded::toString).toList());
        assertEquals(2, data.excluded().size(), out);
        assertTrue(out.contains("001234.mp3: track 001234 has no top-level genre"), out);
        assertTrue(out.contains("099999.mp3: track 099999 is not in " + tmp.resolve("fma_metadata/tracks.csv")), out);
        assertTrue(data.description().startsWith("FMA folder " + audio), data.description());
    }

    @Test
    void metadataCanBeGivenAndIsRequired() throws IOException {
        Path audio = FakeFma.write(tmp);
        Path elsewhere = Files.move(tmp.resolve("fma_metadata/tracks.csv"), tmp.resolve("my-tracks.csv"));
        UserException e = assertThrows(UserException.class, () -> AudioDataset.load(List.of(audio)));
        assertTrue(e.getMessage().contains("holds FMA audio, whose labels come from tracks.csv; not found at "
                + tmp.resolve("fma_metadata/tracks.csv")), e.getMessage());
        assertTrue(e.getMessage().contains("--metadata FILE"), e.getMessage());
        assertEquals(9, AudioDataset.load(List.of(audio), Optional.of(elsewhere)).tracks().size());
    }

    @Test
    void aCsvThatIsNotTracksCsvIsNamed() throws IOException {
        Path audio = FakeFma.write(tmp);
        Files.writeString(tmp.resolve("fma_metadata/tracks.csv"), ",track\n,title\ntrack_id,\n2,x\n");
        UserException e = assertThrows(UserException.class, () -> AudioDataset.load(List.of(audio)));
        assertTrue(e.getMessage().endsWith("is not FMA's tracks.csv: no column track,genre_top in its header rows"
                + " (needs track,genre_top, set,split, set,subset, artist,id)"), e.getMessage());
        Files.writeString(tmp.resolve("fma_metadata/tracks.csv"), "track_id,genre\n2,Pop\n");
        e = assertThrows(UserException.class, () -> AudioDataset.load(List.of(audio)));
        assertTrue(e.getMessage().contains("is not FMA's tracks.csv"), e.getMessage());
    }

    @Test
    void officialSplitIsEmptyForOtherSources() throws IOException {
        Files.createDirectories(tmp.resolve("g/rock"));
        Files.write(tmp.resolve("g/rock/a.wav"), new byte[]{1});
        assertEquals(Map.of(), AudioDataset.load(List.of(tmp.resolve("g"))).officialSplit());
    }
}
