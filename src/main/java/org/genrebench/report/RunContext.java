package org.genrebench.report;

import java.util.List;

/**
 * What the report says about the data beyond the scores: where it came from and which inputs were skipped.
 *
 * @param description one line naming the dataset and its origin (synthetic with its seed, a GTZAN folder, a CSV)
 * @param skipped     one line per unusable input, naming the file and the reason
 */
public record RunContext(String description, List<String> skipped) {
    public static final RunContext NONE = new RunContext("", List.of());

    public RunContext {
        skipped = List.copyOf(skipped);
    }
}
