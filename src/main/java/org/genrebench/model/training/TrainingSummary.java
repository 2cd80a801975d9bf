package org.genrebench.model.training;

/**
 * What early stopping did.
 *
 * @param epochsRun          epochs actually trained
 * @param bestEpoch          1-based epoch whose weights were kept (the last one when there was no validation set)
 * @param bestValidationLoss mean loss on the validation examples at {@code bestEpoch}; NaN without one
 */
public record TrainingSummary(int epochsRun, int bestEpoch, double bestValidationLoss) {
}
