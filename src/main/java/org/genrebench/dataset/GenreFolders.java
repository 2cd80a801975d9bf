package org.genrebench.dataset;

import org.genrebench.audio.AudioFormats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Folder-per-genre collections: the label is the top-level folder a file lies under, the song is the file, in any
 * decoded format and with any name. Sub-folders (albums, discs) keep the top-level label; hidden files and folders,
 * files outside a genre folder and non-audio files are left out and named. GTZAN's own copies put the genre folders
 * below {@code genres/} (marsyas archive, {@code synth}), {@code genres_original/} or {@code Data/genres_original/}
 * (Kaggle); those are looked into first. Symbolic links are followed, to files and to folders alike (sets built as
 * folders of links read like copies); a broken link is named and left out, and two links to one file are caught as a
 * duplicate by {@link AudioDataset}. A link is not followed, and is named once, when it loops (it leads to the folder
 * holding the genre folders, or above it, or to a folder above itself) or leads into another genre folder of the same
 * dataset: either would give that folder's songs the label of the folder the link lies in.
 */
final class GenreFolders {
    /** Where GTZAN copies put the genre folders, relative to the folder given, in the order they are tried. */
    static final List<String> GTZAN_LAYOUTS = List.of("genres", "genres_original", "Data/genres_original");

    private GenreFolders() {
    }

    /** The folder holding the genre folders: the first GTZAN layout present, else {@code dir} itself. */
    static Path genreRoot(Path dir) {
        for (String layout : GTZAN_LAYOUTS) {
            Path root = dir.resolve(layout).normalize();
            if (Files.isDirectory(root)) return root;
        }
        return dir;
    }

    static DatasetPart scan(Path dir) {
        Path root = genreRoot(dir);
        Path realRoot = realPath(root);
        List<Track> tracks = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Path child : sortedChildren(root)) {
            String name = child.getFileName().toString();
            boolean folder = Files.isDirectory(child);
            String link = folder && Files.isSymbolicLink(child) ? linkProblem(realPath(child), realRoot, null) : null;
            if (name.startsWith(".")) {
                excluded.add(new Excluded(child, "hidden " + (folder ? "folder" : "file") + ", not a genre; left out"));
            } else if (!folder) {
                excluded.add(new Excluded(child, "lies outside any genre folder (the label is the folder a file is in); left out"));
            } else if (link != null) {
                excluded.add(new Excluded(child, link));
            } else {
                int before = tracks.size();
                scanGenre(child, name, realRoot, tracks, excluded);
                if (tracks.size() == before) excluded.add(new Excluded(child, "genre folder holds no audio files"));
            }
        }
        return new DatasetPart("folder " + root, tracks, excluded, Map.of());
    }

    /**
     * Why a symbolic link to {@code real} is not followed, or null when it may be: it leads to the folder holding the
     * genre folders or above it (a loop), or into a genre folder other than {@code realGenre} (null: any genre folder).
     */
    private static String linkProblem(Path real, Path realRoot, Path realGenre) {
        if (realRoot.startsWith(real)) {
            return "symbolic link loop (leads to " + real + ", which holds the genre folders); not followed, left out";
        }
        if (real.startsWith(realRoot) && !real.equals(realRoot) && (realGenre == null || !real.startsWith(realGenre))) {
            String genre = realRoot.relativize(real).getName(0).toString();
            if (!genre.startsWith(".")) {
                return "symbolic link into genre folder '" + genre + "' (" + real + "), whose songs keep that folder's label;"
                        + " not followed, left out";
            }
        }
        return null;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void scanGenre(Path genreDir, String label, Path realRoot, List<Track> tracks, List<Excluded> allExcluded) {
        Path realGenre = realPath(genreDir);
        List<Excluded> excluded = new ArrayList<>();
        Map<Path, Integer> audioNamedFolders = new HashMap<>(); // folder named like an audio file -> files found before it
        try {
            List<Path> files = new ArrayList<>();
            // FOLLOW_LINKS: the walker then detects a link to a folder above it within the walk itself
            // (FileSystemLoopException in visitFileFailed) and hands a broken link over with the link's own attributes.
            Files.walkFileTree(genreDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(genreDir)) return FileVisitResult.CONTINUE;
                    if (d.getFileName().toString().startsWith(".")) {
                        excluded.add(new Excluded(d, "hidden folder, left out with everything in it"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    String link = Files.isSymbolicLink(d) ? linkProblem(realPath(d), realRoot, realGenre) : null;
                    if (link != null) {
                        excluded.add(new Excluded(d, link));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (AudioFormats.isDecoded(d)) audioNamedFolders.put(d, files.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Integer before = audioNamedFolders.remove(d);
                    if (before != null && before == files.size()) {
                        excluded.add(new Excluded(d, "a folder named like an audio file, holding no files; left out"));
                    }
                    return super.postVisitDirectory(d, e);
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String link = attrs.isRegularFile() && Files.isSymbolicLink(f) ? linkProblem(realPath(f), realRoot, realGenre) : null;
                    if (link != null) excluded.add(new Excluded(f, link));
                    else if (attrs.isRegularFile()) files.add(f);
                    else if (attrs.isSymbolicLink()) excluded.add(new Excluded(f, "symbolic link to nothing (broken link); left out"));
                    else excluded.add(new Excluded(f, "not a regular file (a FIFO, socket or device); left out"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        excluded.add(new Excluded(f, "symbolic link loop (links back to a folder above it); left out"));
                    } else if (e instanceof AccessDeniedException) {
                        excluded.add(new Excluded(f, "permission denied; left out"));
                    } else {
                        excluded.add(new Excluded(f, "cannot be listed (" + e.getMessage() + "); left out"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            files.sort(null);
            for (Path f : files) {
                Excluded why = classify(f);
                if (why != null) {
                    excluded.add(why);
                    continue;
                }
                String id = TrackIds.songOf(f, label + "/" + genreDir.relativize(f), label);
                Optional<String> otherGenre = TrackIds.gtzanGenreNamed(TrackIds.stem(f)).filter(g -> !g.equalsIgnoreCase(label));
                if (otherGenre.isPresent()) {
                    excluded.add(new Excluded(f, "named for genre '" + otherGenre.get() + "' but lies in folder '" + label + "'; left out"));
                    continue;
                }
                tracks.add(new Track(id, id, label, f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + genreDir, e);
        }
        excluded.sort(Comparator.comparing(Excluded::file)); // the walk meets entries in the file system's order
        allExcluded.addAll(excluded);
    }

    /** Why a file is not a track (hidden, not decoded, not audio), or null when it is one. */
    static Excluded classify(Path f) {
        if (f.getFileName().toString().startsWith(".")) return new Excluded(f, "hidden file, left out");
        if (AudioFormats.isDecoded(f)) return null;
        return AudioFormats.notDecoded(f).map(hint -> new Excluded(f, hint))
                .orElseGet(() -> new Excluded(f, "not an audio file" + (AudioFormats.extension(f).isEmpty() ? ""
                        : " (." + AudioFormats.extension(f) + ")") + "; left out"));
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
