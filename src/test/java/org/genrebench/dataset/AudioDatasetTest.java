package org.genrebench.dataset;

import org.genrebench.SharedData;
import org.genrebench.testutil.Fifo;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class AudioDatasetTest {
    @TempDir
    Path dir;

    /** A file whose bytes are its own path (files with the same bytes are one song). */
    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        return file;
    }

    private static List<String> ids(AudioDataset data) {
        return data.tracks().stream().map(Track::id).toList();
    }

    private static String excluded(AudioDataset data) {
        return String.join("\n", data.excluded().stream().map(Excluded::toString).toList());
    }

    @Test
    void findsEachGtzanLayout() throws IOException {
        for (String layout : List.of("genres/", "genres_original/", "Data/genres_original/", "")) {
            Path base = Files.createDirectories(dir.resolve("case" + layout.length()));
            for (String f : List.of("rock/rock.00001.wav", "rock/rock.00000.au", "jazz/jazz.00000.wav")) {
                Path file = base.resolve(layout + f);
                Files.createDirectories(file.getParent());
                Files.writeString(file, f);
            }
            AudioDataset data = AudioDataset.load(List.of(base));
            assertEquals(List.of("jazz.00000", "rock.00000", "rock.00001"), ids(data), layout);
            assertEquals(List.of("jazz", "rock"), data.genres());
            assertTrue(data.excluded().isEmpty(), excluded(data));
        }
    }

    @Test
    void trackCarriesIdSongLabelAndSource() throws IOException {
        touch("genres/blues/blues.00042.wav");
        Track t = AudioDataset.load(List.of(dir)).tracks().get(0);
        assertEquals(new Track("blues.00042", "blues.00042", "blues", dir.resolve("genres/blues/blues.00042.wav")), t);
    }

    @Test
    void anyFileNameInAGenreFolderIsASongAndNestedFoldersKeepTheTopLabel() throws IOException {
        Path song = touch("hip hop/My Song.wav");
        touch("música/x.au");
        touch("música/Album 1/Disc, 2/01 intro.wav");
        AudioDataset data = AudioDataset.load(List.of(dir));
        assertEquals(List.of("hip hop", "música"), data.genres());
        assertEquals(List.of("hip hop/My Song", "música/Album 1/Disc, 2/01 intro", "música/x"), ids(data)); // as named: every CSV quotes ids
        assertEquals(new Track("hip hop/My Song", "hip hop/My Song", "hip hop", song), data.tracks().getFirst());
        assertTrue(data.excluded().isEmpty(), excluded(data));
    }

    @Test
    void whatIsLeftOutIsNamedWithTheReason() throws IOException {
        touch("pop/pop.00000.wav");
        touch("pop/notes.txt");
        touch("pop/rock.00003.wav");
        touch("pop/copy_pop.00001.wav");
        touch("pop/.DS_Store");
        touch("pop/.cache/pop.00009.wav");
        touch("pop/live.m4a");
        touch(".trash/pop.00005.wav");
        touch("loose.wav");
        Files.createDirectories(dir.resolve("metal"));
        AudioDataset data = AudioDataset.load(List.of(dir));
        assertEquals(List.of("pop.00000", "pop/copy_pop.00001"), ids(data), "copy_pop is no GTZAN genre: an ordinary file");
        assertEquals(List.of("pop"), data.genres(), "hidden and nested folders never become classes");
        String out = excluded(data);
        assertEquals(8, data.excluded().size(), out);
        assertTrue(out.contains("notes.txt: not an audio file (.txt)"), out);
        assertTrue(out.contains("rock.00003.wav: named for genre 'rock' but lies in folder 'pop'"), out);
        assertTrue(out.contains(".DS_Store: hidden file"), out);
        assertTrue(out.contains(".cache: hidden folder, left out with everything in it"), out);
        assertTrue(out.contains(".trash: hidden folder, not a genre"), out);
        assertTrue(out.contains("loose.wav: lies outside any genre folder"), out);
        assertTrue(out.contains("metal: genre folder holds no audio files"), out);
        assertTrue(out.contains("live.m4a: MPEG-4 audio (AAC or ALAC, .m4a) is not supported; convert it, e.g. ffmpeg -i 'live.m4a' 'live.flac'"), out);
    }

    @Test
    void severalSourcesCombineAndASongIsNeverCountedTwice() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Files.createDirectories(a);
        touch("a/jazz/jazz.00001.wav");
        touch("a/rock/rock.00001.wav");
        touch("b/genres/jazz/jazz.00002.wav");
        touch("b/genres/jazz/jazz.00001.wav");
        AudioDataset data = AudioDataset.load(List.of(a, b));
        assertEquals(List.of("jazz.00001", "jazz.00002", "rock.00001"), ids(data));
        assertEquals(dir.resolve("a/jazz/jazz.00001.wav"), data.tracks().getFirst().source(), "the first source's copy is kept");
        assertEquals(1, data.excluded().size(), excluded(data));
        assertEquals(dir.resolve("b/genres/jazz/jazz.00001.wav") + ": song 'jazz.00001' is already in the dataset from "
                + dir.resolve("a/jazz/jazz.00001.wav") + "; a second copy would leak across folds, left out", excluded(data));
    }

    @Test
    void filesWithTheSameBytesAreOneSongWhateverTheirNames() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Files.createDirectories(a);
        Files.write(file("a/jazz/jazz.00010.wav"), new byte[]{1, 2, 3});
        Files.write(file("a/jazz/jazz.00011.wav"), new byte[]{1, 2, 4});   // same size, other bytes
        Files.write(file("a/rock/rock.00001.wav"), new byte[]{1, 2, 3});   // the same bytes in another genre
        Files.write(file("b/jazz/copy_jazz_00010.wav"), new byte[]{1, 2, 3});
        Files.write(file("b/jazz/other.wav"), new byte[]{9});
        AudioDataset data = AudioDataset.load(List.of(a, b));
        assertEquals(List.of("jazz.00010", "jazz.00011", "jazz/other"), ids(data), excluded(data));
        assertEquals(List.of(
                dir.resolve("a/rock/rock.00001.wav") + ": duplicate of " + dir.resolve("a/jazz/jazz.00010.wav")
                        + " (the same bytes); a second copy would leak across folds, left out",
                dir.resolve("b/jazz/copy_jazz_00010.wav") + ": duplicate of " + dir.resolve("a/jazz/jazz.00010.wav")
                        + " (the same bytes); a second copy would leak across folds, left out"),
                data.excluded().stream().map(Excluded::toString).toList());
    }

    private Path file(String relative) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        return f;
    }

    @Test
    void symbolicLinksToFilesAndFoldersAreFollowedAndTwoLinksToOneFileAreADuplicate() throws IOException {
        Path real = dir.resolve("store");
        Path blues = touch("store/blues.00000.wav");
        Path jazz = touch("store/jazz.00000.wav");
        touch("store/album/take 1.wav");
        Path set = Files.createDirectories(dir.resolve("set"));
        // a genre folder of links to files, as benchmarks/real-audio/sets.sh builds it
        Files.createDirectories(set.resolve("blues"));
        Files.createSymbolicLink(set.resolve("blues/blues.00000.wav"), blues);
        Files.createDirectories(set.resolve("jazz"));
        Files.createSymbolicLink(set.resolve("jazz/jazz.00000.wav"), jazz);
        Files.createSymbolicLink(set.resolve("jazz/again.wav"), blues);
        Files.createSymbolicLink(set.resolve("jazz/gone.wav"), real.resolve("missing.wav"));
        Files.createSymbolicLink(set.resolve("jazz/loop"), set.resolve("jazz"));
        // a linked genre folder and a linked album folder inside a real one
        Files.createSymbolicLink(set.resolve("folk"), real.resolve("album"));
        Files.createDirectories(set.resolve("rock"));
        Files.createSymbolicLink(set.resolve("rock/album"), real.resolve("album"));

        AudioDataset data = AudioDataset.load(List.of(set));
        assertEquals(List.of("blues.00000", "folk/take 1", "jazz.00000"), ids(data), excluded(data));
        assertEquals(set.resolve("blues/blues.00000.wav"), data.tracks().getFirst().source(), "the link is the track's source");
        String out = excluded(data);
        assertTrue(out.contains(set.resolve("jazz/again.wav") + ": this file is already in the dataset from "
                + set.resolve("blues/blues.00000.wav")), out);
        assertTrue(out.contains(set.resolve("rock/album/take 1.wav") + ": this file is already in the dataset from "
                + set.resolve("folk/take 1.wav")), out);
        assertTrue(out.contains(set.resolve("jazz/gone.wav") + ": symbolic link to nothing (broken link); left out"), out);
        assertTrue(out.contains(set.resolve("jazz/loop") + ": symbolic link loop"), out);
        assertEquals(4, data.excluded().size(), out);
    }

    @Test
    void aLinkLoopOrALinkIntoAnotherGenreIsNamedOnceAndRelabelsNothing() throws IOException {
        touch("set/jazz/jazz.00001.wav");
        touch("set/jazz/jazz.00002.wav");
        touch("set/rock/rock.00001.wav");
        Path set = dir.resolve("set");
        Files.createDirectories(set.resolve("aaa"));
        Files.createSymbolicLink(set.resolve("aaa/loop"), Path.of(".."));          // the folder of the genre folders
        Files.createSymbolicLink(set.resolve("aaa/up"), Path.of("../.."));         // above it
        Files.createSymbolicLink(set.resolve("aaa/rock"), Path.of("../rock"));     // another genre folder
        Files.createSymbolicLink(set.resolve("aaa/song.wav"), Path.of("../jazz/jazz.00002.wav"));
        Files.createSymbolicLink(set.resolve("again"), Path.of("."));              // a "genre" that is the set itself
        Files.createSymbolicLink(set.resolve("bbb"), Path.of("jazz"));             // a genre folder under another name

        AudioDataset data = AudioDataset.load(List.of(set));
        String out = excluded(data);
        assertEquals(List.of("jazz.00001", "jazz.00002", "rock.00001"), ids(data), out);
        assertEquals(List.of("jazz", "rock"), data.genres(), out);
        assertEquals(List.of(
                set.resolve("aaa/loop") + ": symbolic link loop (leads to " + set.toRealPath() + ", which holds the genre folders); not followed, left out",
                set.resolve("aaa/rock") + ": symbolic link into genre folder 'rock' (" + set.toRealPath().resolve("rock")
                        + "), whose songs keep that folder's label; not followed, left out",
                set.resolve("aaa/song.wav") + ": symbolic link into genre folder 'jazz' (" + set.toRealPath().resolve("jazz/jazz.00002.wav")
                        + "), whose songs keep that folder's label; not followed, left out",
                set.resolve("aaa/up") + ": symbolic link loop (leads to " + dir.toRealPath() + ", which holds the genre folders); not followed, left out",
                set.resolve("aaa") + ": genre folder holds no audio files",
                set.resolve("again") + ": symbolic link loop (leads to " + set.toRealPath() + ", which holds the genre folders); not followed, left out",
                set.resolve("bbb") + ": symbolic link into genre folder 'jazz' (" + set.toRealPath().resolve("jazz")
                        + "), whose songs keep that folder's label; not followed, left out"),
                data.excluded().stream().map(Excluded::toString).toList());
    }

    @Test
    void aFifoAndAFolderNamedLikeAudioAreNamedNotOpened() throws Exception {
        touch("set/jazz/jazz.00001.wav");
        touch("set/jazz/live.wav/jazz.00002.wav"); // an album folder that happens to end in .wav: read as a folder
        Files.createDirectories(dir.resolve("set/jazz/x.wav"));
        Path fifo = Fifo.make(dir.resolve("set/jazz/stream.wav"));
        Files.writeString(dir.resolve("list.csv"), "path,label\nset/jazz/stream.wav,jazz\nset/jazz/x.wav,jazz\nset/jazz/jazz.00001.wav,jazz\n");

        AudioDataset data = AudioDataset.load(List.of(dir.resolve("set")));
        assertEquals(List.of("jazz.00001", "jazz.00002"), ids(data), excluded(data));
        assertEquals(List.of(
                fifo + ": not a regular file (a FIFO, socket or device); left out",
                dir.resolve("set/jazz/x.wav") + ": a folder named like an audio file, holding no files; left out"),
                data.excluded().stream().map(Excluded::toString).toList());
        AudioDataset listed = AudioDataset.load(List.of(dir.resolve("list.csv")));
        assertEquals(List.of("jazz.00001"), ids(listed));
        assertEquals(2, listed.excluded().size(), excluded(listed));
        assertTrue(listed.excluded().stream().allMatch(e -> e.reason().contains("but not a regular file")), excluded(listed));
    }

    @Test
    void manifestResolvesRelativePathsAndCarriesGroups() throws IOException {
        Path x = touch("music/x.wav");
        Path y = touch("music/sub/y.au");
        Path z = touch("elsewhere/blues.00003.wav");
        touch("music/clip.opus");
        Path csv = dir.resolve("music/list.csv");
        Files.writeString(csv, """
                path,label,group
                x.wav,rock,artist A
                sub/y.au,"jazz, modal",
                ../elsewhere/blues.00003.wav,blues,artist A
                missing.wav,rock,artist B
                clip.opus,rock,
                ,rock,
                """);
        AudioDataset data = AudioDataset.load(List.of(csv));
        assertEquals(List.of(
                new Track("blues.00003", "blues.00003", "blues", z.normalize(), Optional.of("artist A")),
                new Track("sub/y", "sub/y", "jazz, modal", y, Optional.empty()),
                new Track("x", "x", "rock", x, Optional.of("artist A"))), data.tracks());
        String out = excluded(data);
        assertEquals(3, data.excluded().size(), out);
        assertTrue(out.contains("missing.wav: listed in manifest list.csv line 5 but not found"), out);
        assertTrue(out.contains("clip.opus: Opus (.opus) is not supported; convert it"), out);
        assertTrue(out.contains("list.csv: manifest list.csv line 7: empty path or label"), out);
        assertTrue(data.description().startsWith("manifest " + csv), data.description());
    }

    @Test
    void aManifestWithAByteOrderMarkReadsAsWithout() throws IOException {
        touch("music/x.wav");
        Path csv = dir.resolve("music/list.csv");
        Files.write(csv, "\uFEFFpath,label\nx.wav,rock\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AudioDataset data = AudioDataset.load(List.of(csv));
        assertEquals(List.of("x"), ids(data), excluded(data));
        assertTrue(data.excluded().isEmpty(), excluded(data));
    }

    @Test
    void manifestWithoutThePathAndLabelColumnsIsAUserError() throws IOException {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "file,genre\nx.wav,rock\n");
        UserException e = assertThrows(UserException.class, () -> AudioDataset.load(List.of(csv)));
        assertEquals("manifest " + csv + ": its header must name the columns path,label[,group]; found file,genre", e.getMessage());
    }

    @Test
    void missingFolderIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> AudioDataset.load(List.of(dir.resolve("nope"))));
        assertEquals("dataset folder " + dir.resolve("nope") + " does not exist", e.getMessage());
    }

    @Test
    void folderWithoutAudioSaysWhatWasExpected() throws IOException {
        touch("genres/readme.txt");
        UserException e = assertThrows(UserException.class, () -> AudioDataset.load(List.of(dir)));
        assertTrue(e.getMessage().startsWith("no usable audio in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("<genre>/<any name>"), e.getMessage());
        assertTrue(e.getMessage().contains("genres_original/"), e.getMessage());
    }

    @Test
    void sharedSampleAndExcerptsCombineIntoHundredSongs() {
        AudioDataset data = AudioDataset.load(List.of(SharedData.dir().resolve("gtzan-sample"), SharedData.dir().resolve("gtzan-excerpts")));
        assertEquals(100, data.tracks().size());
        assertEquals(10, data.genres().size());
        assertTrue(data.excluded().isEmpty(), excluded(data));
    }

    @Test
    void sharedExcerptsAndFullTracksShareSongsOneToNine() {
        AudioDataset data = AudioDataset.load(List.of(SharedData.dir().resolve("gtzan-excerpts"), SharedData.dir().resolve("gtzan-3genre")));
        assertEquals(90 + 99 - 27, data.tracks().size());
        assertEquals(27, data.excluded().size(), excluded(data));
        assertTrue(data.excluded().stream().allMatch(x -> x.reason().contains("already in the dataset from")), excluded(data));
    }
}
