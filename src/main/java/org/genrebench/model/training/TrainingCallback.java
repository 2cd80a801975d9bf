package org.genrebench.model.training;

/**
 * Something done at fixed points of {@link NetworkTrainer}'s loop: learning-rate schedules, weight averaging,
 * early stopping. Callbacks run in the order given to the trainer, except {@link #afterValidation}, which runs in
 * reverse: what a callback does to the network in {@link #beforeValidation} (e.g. swap in averaged weights) stays
 * in place until every later callback has seen the validation result, like nested brackets. In
 * {@link #onEnd} a later callback has the last word on the final weights.
 */
public interface TrainingCallback {
    /** Before the first step. */
    default void onStart(TrainableNetwork network) {
    }

    /** After each gradient step. */
    default void afterStep(TrainableNetwork network) {
    }

    /** After the steps of epoch {@code epoch} (1-based), before it is validated. */
    default void afterEpoch(TrainableNetwork network, int epoch) {
    }

    /** Before the validation loss of an epoch is measured (only when there are validation examples). */
    default void beforeValidation(TrainableNetwork network) {
    }

    /** The mean validation loss of epoch {@code epoch}, measured on the network as {@link #beforeValidation} left it. */
    default void afterValidation(TrainableNetwork network, int epoch, double loss) {
    }

    /** Whether training should end after the current epoch; asked once per epoch, after validation. */
    default boolean stopsTraining() {
        return false;
    }

    /** After the last epoch. */
    default void onEnd(TrainableNetwork network) {
    }
}
