package org.genrebench.model.deep;

/**
 * What early stopping did.
 *
 * @param epochsRun          epochs actually trained
 * @param bestEpoch          1-based epoch whose weights were kept (the last one when there was no validation set)
 * @param bestValidationLoss mean cross-entropy on the validation windows at {@code bestEpoch}; NaN without one
 */
public record TrainingSummary(int epochsRun, int bestEpoch, double bestValidationLoss) {
}
