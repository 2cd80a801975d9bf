package org.genrebench.eval;

/**
 * Scores of one fold: song level by mean probability (the headline), song accuracy by majority vote,
 * and plain chunk accuracy (equal to the song accuracy for one row per song).
 */
public record FoldScores(ConfusionMatrix songMatrix, double songVoteAccuracy, double chunkAccuracy) {

    public static FoldScores of(FoldResult r, int numClasses) {
        SongAggregator.Songs songs = SongAggregator.aggregate(r.songIds(), r.labels(), r.proba());
        ConfusionMatrix song = ConfusionMatrix.of(songs.labels(), songs.meanPred(), numClasses);
        ConfusionMatrix vote = ConfusionMatrix.of(songs.labels(), songs.votePred(), numClasses);
        ConfusionMatrix chunk = ConfusionMatrix.of(r.labels(), r.predicted(), numClasses);
        return new FoldScores(song, vote.accuracy(), chunk.accuracy());
    }

    public double accuracy() {
        return songMatrix.accuracy();
    }

    public double macroF1() {
        return songMatrix.macroF1();
    }

    public double balancedAccuracy() {
        return songMatrix.balancedAccuracy();
    }
}
