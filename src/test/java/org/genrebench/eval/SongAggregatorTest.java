package org.genrebench.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SongAggregatorTest {

    @Test
    void meanProbabilityAndMajorityVoteCanDisagree() {
        // song a: two chunks weakly for class 1, one chunk strongly for class 0 → vote 1, mean 0
        List<String> songs = List.of("a", "a", "a", "b");
        int[] labels = {0, 0, 0, 1};
        double[][] p = {{0.45, 0.55}, {0.45, 0.55}, {1.0, 0.0}, {0.2, 0.8}};
        SongAggregator.Songs s = SongAggregator.aggregate(songs, labels, p);
        assertEquals(List.of("a", "b"), s.songs());
        assertArrayEquals(new int[]{0, 1}, s.labels());
        assertArrayEquals(new double[]{1.9 / 3, 1.1 / 3}, s.meanProba()[0], 1e-12);
        assertArrayEquals(new int[]{0, 1}, s.meanPred());
        assertArrayEquals(new int[]{1, 1}, s.votePred());
    }

    @Test
    void voteTieGoesToHigherMeanProbability() {
        double[][] p = {{0.9, 0.1}, {0.4, 0.6}};
        SongAggregator.Songs s = SongAggregator.aggregate(List.of("a", "a"), new int[]{0, 0}, p);
        assertArrayEquals(new int[]{0}, s.votePred());
    }

    @Test
    void correctedTTestMatchesHandComputation() {
        // d = {0.02, 0.04, 0.00, 0.06, 0.03}: mean 0.03, sample var 0.00050, ratio 0.25
        double[] a = {0.72, 0.74, 0.70, 0.76, 0.73};
        double[] b = {0.70, 0.70, 0.70, 0.70, 0.70};
        var r = CorrectedResampledTTest.test(a, b, 0.25);
        double t = 0.03 / Math.sqrt((0.2 + 0.25) * 0.0005);
        assertEquals(0.03, r.meanDifference(), 1e-12);
        assertEquals(t, r.t(), 1e-9); // 2.0
        assertEquals(4, r.df());
        assertEquals(0.1161, r.p(), 1e-3); // two-sided Student t, 4 df, |t| = 2
    }
}
