package org.genrebench.experiment;

import org.genrebench.dataset.Sample;
import org.genrebench.split.ChunkShuffleSplit;
import org.genrebench.split.FaultFilteredSplit;
import org.genrebench.split.Fold;
import org.genrebench.split.SongHoldoutSplit;
import org.genrebench.split.StratifiedGroupKFold;

import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How train and test items are drawn. Every protocol but {@link ChunkShuffle} draws on songs (groups when known)
 * and projects the folds onto each view, so all models see the same test songs; chunk-shuffle draws on the items
 * of each view directly, as the tutorials do.
 */
public sealed interface Protocol {

    /** Folds of one repeat over the items of one view, drawn with {@code seed}; fold indices start at 0. */
    <X> List<Fold> folds(PreparedDataset data, List<Sample<X>> items, long seed);

    /** Folds per repeat. */
    int foldCount();

    /** Appended to the dataset name for the results folder ("" for the default). */
    String suffix();

    /** One phrase for the report. */
    String describe();

    /** Whether chunks of one song can land on both sides (the report then carries a warning). */
    default boolean leaky() {
        return false;
    }

    /** Whether a class needs at least {@link #foldCount()} songs. */
    default boolean needsSongsPerFold() {
        return false;
    }

    /** Stratified song-disjoint (group-disjoint when artists are known) k-fold CV, the default. */
    record KFold(int k) implements Protocol {
        @Override
        public <X> List<Fold> folds(PreparedDataset data, List<Sample<X>> items, long seed) {
            return SongFolds.project(new StratifiedGroupKFold(k, seed).split(data.songGroups(), data.songLabels()), data.songIds(), items);
        }

        @Override
        public int foldCount() {
            return k;
        }

        @Override
        public String suffix() {
            return "";
        }

        @Override
        public String describe() {
            return k + "-fold stratified song-disjoint CV";
        }

        @Override
        public boolean needsSongsPerFold() {
            return true;
        }
    }

    /** The fixed fault-filtered GTZAN partition (Kereliuk, Sturm &amp; Larsen), train+valid → test. */
    record FaultFiltered(Path splitsDir) implements Protocol {
        @Override
        public <X> List<Fold> folds(PreparedDataset data, List<Sample<X>> items, long seed) {
            return SongFolds.project(List.of(FaultFilteredSplit.read(splitsDir).fold(data.songIds())), data.songIds(), items);
        }

        @Override
        public int foldCount() {
            return 1;
        }

        @Override
        public String suffix() {
            return "-fault-filtered";
        }

        @Override
        public String describe() {
            return "fault-filtered split (train+valid → test)";
        }
    }

    /**
     * A partition that ships with the dataset, per song ({@code training}, {@code validation}, {@code test}; FMA's
     * artist-filtered {@code set,split}): one fold, training+validation → test; songs with no assignment are dropped.
     */
    record Official(String dataset, Map<String, String> splitBySong) implements Protocol {
        @Override
        public <X> List<Fold> folds(PreparedDataset data, List<Sample<X>> items, long seed) {
            List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < data.songIds().size(); i++) {
                String s = splitBySong.getOrDefault(data.songIds().get(i), "");
                if (s.equals("test")) test.add(i);
                else if (s.equals("training") || s.equals("validation")) train.add(i);
            }
            requireBothSides(train.size(), test.size());
            Fold fold = new Fold(0, train.stream().mapToInt(Integer::intValue).toArray(), test.stream().mapToInt(Integer::intValue).toArray());
            return SongFolds.project(List.of(fold), data.songIds(), items);
        }

        /** Fails unless {@code songIds} have songs on both sides of the split. */
        public void requirePossible(List<String> songIds) {
            int train = 0, test = 0;
            for (String id : songIds) {
                String s = splitBySong.getOrDefault(id, "");
                if (s.equals("test")) test++;
                else if (s.equals("training") || s.equals("validation")) train++;
            }
            requireBothSides(train, test);
        }

        private void requireBothSides(int train, int test) {
            if (train == 0 || test == 0) {
                throw new UserException("--split " + dataset + " needs songs on both sides of the " + dataset
                        + " split; found " + train + " training/validation and " + test + " test songs");
            }
        }

        @Override
        public int foldCount() {
            return 1;
        }

        @Override
        public String suffix() {
            return "-" + dataset + "-split";
        }

        @Override
        public String describe() {
            return dataset.toUpperCase(Locale.ROOT) + "'s official split (training+validation → test)";
        }
    }

    /** N songs per genre held out once. */
    record SongHoldout(int perGenre) implements Protocol {
        @Override
        public <X> List<Fold> folds(PreparedDataset data, List<Sample<X>> items, long seed) {
            return SongFolds.project(List.of(SongHoldoutSplit.split(data.songGroups(), data.songLabels(), perGenre, seed)),
                    data.songIds(), items);
        }

        @Override
        public int foldCount() {
            return 1;
        }

        @Override
        public String suffix() {
            return "-song-holdout" + perGenre;
        }

        @Override
        public String describe() {
            return perGenre + " songs per genre held out (song-disjoint, one split)";
        }
    }

    /** Every chunk/window of every song shuffled and split once: the leaky protocol. */
    record ChunkShuffle(double testFraction) implements Protocol {
        @Override
        public <X> List<Fold> folds(PreparedDataset data, List<Sample<X>> items, long seed) {
            return List.of(ChunkShuffleSplit.split(items.size(), testFraction, seed));
        }

        @Override
        public int foldCount() {
            return 1;
        }

        @Override
        public String suffix() {
            return "-chunk-shuffle";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "chunk-shuffle: all chunks of all songs shuffled, %.0f/%.0f train/test split (LEAKY)",
                    100 * (1 - testFraction), 100 * testFraction);
        }

        @Override
        public boolean leaky() {
            return true;
        }
    }

    /**
     * Parses a protocol name: {@code kfold}, {@code fault-filtered}, {@code song-holdout} (3 per genre),
     * {@code song-holdout:N} or {@code song-holdout=N}, {@code chunk-shuffle} (80/20).
     */
    static Protocol parse(String name, int folds, Path splitsDir) {
        String v = name.strip();
        if (v.equals("kfold")) return new KFold(folds);
        if (v.equals("fault-filtered")) return new FaultFiltered(splitsDir);
        if (v.equals("chunk-shuffle")) return new ChunkShuffle(0.2);
        if (v.equals("fma")) return new Official("fma", Map.of()); // the assignments come with the loaded dataset
        if (v.equals("song-holdout")) return new SongHoldout(3);
        if (v.matches("song-holdout[:=]\\d+")) return new SongHoldout(Integer.parseInt(v.substring("song-holdout:".length())));
        return null;
    }
}
