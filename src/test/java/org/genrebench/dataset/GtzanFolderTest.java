package org.genrebench.dataset;

import org.genrebench.SharedData;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GtzanFolderTest {
    @TempDir
    Path dir;

    private void touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[]{1});
    }

    private static List<String> ids(GtzanFolder.Scan scan) {
        return scan.tracks().stream().map(Track::id).toList();
    }

    @Test
    void findsEachLayout() throws IOException {
        for (String layout : List.of("genres/", "genres_original/", "Data/genres_original/", "")) {
            Path base = Files.createDirectories(dir.resolve("case" + layout.length()));
            for (String f : List.of("rock/rock.00001.wav", "rock/rock.00000.au", "jazz/jazz.00000.wav")) {
                Path file = base.resolve(layout + f);
                Files.createDirectories(file.getParent());
                Files.write(file, new byte[]{1});
            }
            GtzanFolder.Scan scan = GtzanFolder.scan(base);
            assertEquals(List.of("jazz.00000", "rock.00000", "rock.00001"), ids(scan), layout);
            assertEquals(List.of("jazz", "rock"), scan.genres());
            assertTrue(scan.problems().isEmpty(), scan.problems().toString());
        }
    }

    @Test
    void trackCarriesIdSongLabelAndSource() throws IOException {
        touch("genres/blues/blues.00042.wav");
        Track t = GtzanFolder.scan(dir).tracks().get(0);
        assertEquals(new Track("blues.00042", "blues.00042", "blues", dir.resolve("genres/blues/blues.00042.wav")), t);
    }

    @Test
    void oddFilesAndEmptyGenresAreReportedNotFatal() throws IOException {
        touch("genres/pop/pop.00000.wav");
        touch("genres/pop/notes.txt");
        touch("genres/pop/rock.00003.wav");
        touch("genres/pop/pop.00000.au");
        touch("genres/pop/.DS_Store");
        Files.createDirectories(dir.resolve("genres/metal"));
        GtzanFolder.Scan scan = GtzanFolder.scan(dir);
        assertEquals(List.of("pop.00000"), ids(scan));
        String problems = String.join("\n", scan.problems());
        assertEquals(4, scan.problems().size(), problems);
        assertTrue(problems.contains("notes.txt: not a <genre>.NNNNN.wav|au audio file"), problems);
        assertTrue(problems.contains("rock.00003.wav: named for genre 'rock' but lies in folder 'pop'"), problems);
        assertTrue(problems.contains("already has the id pop.00000"), problems);
        assertTrue(problems.contains("metal: genre folder holds no audio files"), problems);
    }

    @Test
    void missingFolderIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> GtzanFolder.scan(dir.resolve("nope")));
        assertEquals("dataset folder " + dir.resolve("nope") + " does not exist", e.getMessage());
    }

    @Test
    void folderWithoutAudioNamesTheLayoutsLookedFor() throws IOException {
        touch("genres/readme.txt");
        UserException e = assertThrows(UserException.class, () -> GtzanFolder.scan(dir));
        assertTrue(e.getMessage().startsWith("no GTZAN audio found in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("genres/<genre>/<genre>.NNNNN.wav|au"), e.getMessage());
        assertTrue(e.getMessage().contains("genres_original/"), e.getMessage());
    }

    @Test
    void sharedSampleHasTenGenresOfOneTrack() {
        GtzanFolder.Scan scan = GtzanFolder.scan(SharedData.dir().resolve("gtzan-sample"));
        assertEquals(10, scan.tracks().size());
        assertEquals(List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"), scan.genres());
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
    }
}
