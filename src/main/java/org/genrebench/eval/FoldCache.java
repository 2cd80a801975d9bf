package org.genrebench.eval;

import org.genrebench.split.Fold;

import java.util.Optional;

/**
 * Where the harness keeps each finished (model, fold) so that an interrupted run can resume.
 * {@link #load} must return empty unless the stored result belongs to exactly this fold (same test items).
 */
public interface FoldCache {
    Optional<FoldResult> load(String model, Fold fold);

    void save(FoldResult result);

    /** Keeps nothing: every run starts from scratch. */
    FoldCache NONE = new FoldCache() {
        @Override
        public Optional<FoldResult> load(String model, Fold fold) {
            return Optional.empty();
        }

        @Override
        public void save(FoldResult result) {
        }
    };
}
