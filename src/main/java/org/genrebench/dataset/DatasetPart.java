package org.genrebench.dataset;

import java.util.List;
import java.util.Map;

/**
 * What one {@code --data} source contributes, before sources are combined.
 *
 * @param description   one phrase for reports, e.g. {@code folder /data/gtzan/genres}
 * @param tracks        the usable tracks
 * @param excluded      what was left out, and why
 * @param officialSplit the source's fixed partition per song id ({@code training}, {@code validation}, {@code test}),
 *                      empty when it has none
 */
record DatasetPart(String description, List<Track> tracks, List<Excluded> excluded, Map<String, String> officialSplit) {
}
