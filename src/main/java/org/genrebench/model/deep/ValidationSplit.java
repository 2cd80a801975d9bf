package org.genrebench.model.deep;

import org.genrebench.dataset.Sample;
import org.genrebench.dataset.Samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Carves the early-stopping validation set out of a training fold by whole groups ({@link Sample#groupId()}),
 * so every window of a song (or artist) is on one side. Window-level carving would let near-duplicate
 * overlapping windows of one song sit on both sides and make early stopping trust an inflated score.
 *
 * @param train      windows to fit on
 * @param validation windows to monitor; empty when the share is 0 or there are fewer than two groups
 */
public record ValidationSplit<X>(List<Sample<X>> train, List<Sample<X>> validation) {

    public static <X> ValidationSplit<X> carve(List<Sample<X>> samples, double share, long seed) {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(samples.stream().map(Sample::groupId).toList()));
        int held = (int) Math.round(groups.size() * share);
        if (share <= 0 || groups.size() < 2 || held == 0) {
            return new ValidationSplit<>(samples, List.of());
        }
        held = Math.min(held, groups.size() - 1);
        Collections.sort(groups); // the input order must not change the split, only the seed does
        Collections.shuffle(groups, new Random(seed));
        Set<String> validationGroups = Set.copyOf(groups.subList(0, held));
        // indices and views, not copies: the samples may be mel windows read from disk on access
        IntStream.Builder train = IntStream.builder(), validation = IntStream.builder();
        for (int i = 0; i < samples.size(); i++) {
            (validationGroups.contains(samples.get(i).groupId()) ? validation : train).add(i);
        }
        return new ValidationSplit<>(Samples.select(samples, train.build().toArray()),
                Samples.select(samples, validation.build().toArray()));
    }
}
