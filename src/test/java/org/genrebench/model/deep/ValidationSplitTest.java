package org.genrebench.model.deep;

import org.genrebench.dataset.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationSplitTest {
    private static final MelWindowShape SHAPE = new MelWindowShape(4, 3);

    @Test
    void everyWindowOfAGroupStaysOnOneSide() {
        List<Sample<float[]>> data = SyntheticMel.songs(SHAPE, 3, 10, 5, 1, 1);
        ValidationSplit<float[]> split = ValidationSplit.carve(data, 0.2, 7);

        Set<String> train = groups(split.train()), validation = groups(split.validation());
        assertTrue(Collections.disjoint(train, validation));
        assertEquals(6, validation.size()); // 20 % of 30 songs
        assertEquals(data.size(), split.train().size() + split.validation().size());
    }

    @Test
    void groupIdRatherThanSongDecides() {
        List<Sample<float[]>> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add(new Sample<>(new float[SHAPE.length()], "song" + i, "artist" + i / 4, i % 2));
        }
        ValidationSplit<float[]> split = ValidationSplit.carve(data, 0.4, 3);
        assertTrue(Collections.disjoint(artists(split.train()), artists(split.validation())));
        assertEquals(2, artists(split.validation()).size());
    }

    @Test
    void splitDependsOnTheSeedNotOnInputOrder() {
        List<Sample<float[]>> data = SyntheticMel.songs(SHAPE, 2, 10, 2, 1, 1);
        List<Sample<float[]>> reversed = new ArrayList<>(data);
        Collections.reverse(reversed);
        assertEquals(groups(ValidationSplit.carve(data, 0.3, 5).validation()),
                groups(ValidationSplit.carve(reversed, 0.3, 5).validation()));
    }

    @Test
    void zeroShareOrSingleGroupKeepsEverythingForTraining() {
        List<Sample<float[]>> data = SyntheticMel.songs(SHAPE, 1, 1, 4, 1, 1);
        assertTrue(ValidationSplit.carve(data, 0.5, 1).validation().isEmpty());
        assertFalse(ValidationSplit.carve(SyntheticMel.songs(SHAPE, 2, 5, 1, 1, 1), 0.0, 1).train().isEmpty());
        assertTrue(ValidationSplit.carve(SyntheticMel.songs(SHAPE, 2, 5, 1, 1, 1), 0.0, 1).validation().isEmpty());
    }

    private static Set<String> groups(List<Sample<float[]>> s) {
        return s.stream().map(Sample::songId).collect(Collectors.toSet());
    }

    private static Set<String> artists(List<Sample<float[]>> s) {
        return s.stream().map(Sample::groupId).collect(Collectors.toSet());
    }
}
