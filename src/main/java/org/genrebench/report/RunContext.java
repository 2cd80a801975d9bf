package org.genrebench.report;

import java.util.List;
import java.util.Map;

/**
 * What the report says about the data beyond the scores: where it came from, which inputs were skipped, how songs
 * group (for the bootstrap), and warnings about the protocol.
 *
 * @param description one line naming the dataset and its origin (synthetic with its seed, a GTZAN folder, a CSV)
 * @param skipped     one line per unusable input, naming the file and the reason
 * @param songGroups  the group (artist when known, else the song itself) of each song; songs absent count alone
 * @param warnings    lines printed at the top of the report, e.g. that the protocol leaks
 */
public record RunContext(String description, List<String> skipped, Map<String, String> songGroups, List<String> warnings) {
    public static final RunContext NONE = new RunContext("", List.of());

    public RunContext {
        skipped = List.copyOf(skipped);
        songGroups = Map.copyOf(songGroups);
        warnings = List.copyOf(warnings);
    }

    public RunContext(String description, List<String> skipped) {
        this(description, skipped, Map.of(), List.of());
    }

    String groupOf(String song) {
        return songGroups.getOrDefault(song, song);
    }
}
