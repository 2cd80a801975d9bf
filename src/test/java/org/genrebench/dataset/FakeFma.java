package org.genrebench.dataset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small FMA tree in FMA's unpacked layout: {@code fma_small/<NNN>/<NNNNNN>.mp3} beside
 * {@code fma_metadata/tracks.csv}, whose header is FMA's real three-row one (column group, column, {@code track_id})
 * and whose rows hold quoted line breaks as FMA's biographies do. The audio is the committed synthetic mp3 fixture,
 * each copy with its track id in the ID3 tag's encoder text, so that no two clips hold the same bytes (files with the
 * same bytes are one song).
 */
public final class FakeFma {
    private FakeFma() {
    }

    /** Track id, genre_top, split, artist id; the last two are the cases that must be left out. */
    static final String[][] TRACKS = {
            {"2", "Hip-Hop", "training", "1"}, {"3", "Hip-Hop", "training", "1"}, {"5", "Hip-Hop", "validation", "2"},
            {"10", "Pop", "training", "6"}, {"20", "Pop", "test", "7"}, {"26", "Pop", "training", "6"},
            {"140", "Hip-Hop", "test", "8"}, {"141", "Pop", "validation", "9"},
            {"1234", "", "training", "9"}, // no top-level genre
    };

    /** Writes the tree under {@code root} and returns the audio folder ({@code root/fma_small}). */
    public static Path write(Path root) throws IOException {
        Path audio = root.resolve("fma_small");
        byte[] mp3 = Files.readAllBytes(fixture("song-22k-mono.mp3"));
        for (String[] t : TRACKS) {
            String id = String.format("%06d", Integer.parseInt(t[0]));
            Path f = audio.resolve(id.substring(0, 3)).resolve(id + ".mp3");
            Files.createDirectories(f.getParent());
            Files.write(f, tagged(mp3, id));
        }
        Path missing = audio.resolve("099/099999.mp3"); // audio that tracks.csv does not list
        Files.createDirectories(missing.getParent());
        Files.write(missing, tagged(mp3, "099999"));
        Files.write(audio.resolve("099/099134.mp3"), new byte[0]); // FMA's errata: clips that hold no audio
        Files.writeString(audio.resolve("README.txt"), "fma_small\n");

        StringBuilder csv = new StringBuilder();
        csv.append(",album,album,artist,artist,artist,set,set,track,track,track,track\n");
        csv.append(",id,title,bio,id,name,split,subset,duration,genre_top,genres,title\n");
        csv.append("track_id,,,,,,,,,,,\n");
        for (String[] t : TRACKS) {
            csv.append(t[0]).append(",1,\"An album, with a comma\",\"<p>A biography\nover two lines</p>\",").append(t[3])
                    .append(",Artist ").append(t[3]).append(',').append(t[2]).append(",small,168,").append(t[1])
                    .append(",[21],Title ").append(t[0]).append('\n');
        }
        csv.append("99134,1,x,,10,Artist 10,training,small,0,Pop,[10],broken\n");
        Path meta = root.resolve("fma_metadata/tracks.csv");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, csv);
        return audio;
    }

    /** The fixture with {@code text} over the 13 characters of its ID3 encoder frame (TSSE "Lavf59.27.100"). */
    private static byte[] tagged(byte[] mp3, String text) {
        byte[] copy = mp3.clone();
        byte[] t = String.format("%-13s", text).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!new String(copy, 0x15, 13, java.nio.charset.StandardCharsets.US_ASCII).equals("Lavf59.27.100")) {
            throw new IllegalStateException("the mp3 fixture's ID3 tag changed");
        }
        System.arraycopy(t, 0, copy, 0x15, 13);
        return copy;
    }

    static Path fixture(String name) {
        try {
            return Path.of(FakeFma.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
