package org.genrebench.model.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps the weights of the epoch with the lowest validation loss, restores them at the end, and ends training
 * after {@code patience} epochs without a better loss, but never before half the epoch budget (Keras'
 * {@code start_from_epoch}): the validation split is a handful of songs, and a deeper net's loss can wobble in its
 * first epochs; without this rule vgg stopped at epoch 7 keeping epoch 2 on the synthetic set. Patience 0 keeps
 * the best epoch but never stops early. Without validation examples it does nothing but count the epochs.
 */
public final class EarlyStopping implements TrainingCallback {
    private final int patience;
    private final int epochBudget;
    private int epochsRun;
    private boolean validated;
    private int bestEpoch;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private INDArray bestParams;
    private boolean stop;

    /**
     * @param patience    epochs without a better validation loss before stopping (0: never stop early)
     * @param epochBudget the trainer's epochs
     */
    public EarlyStopping(int patience, int epochBudget) {
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        this.patience = patience;
        this.epochBudget = epochBudget;
    }

    @Override
    public void afterEpoch(TrainableNetwork network, int epoch) {
        epochsRun = epoch;
    }

    @Override
    public void afterValidation(TrainableNetwork network, int epoch, double loss) {
        validated = true;
        if (loss < bestLoss) {
            bestLoss = loss;
            bestEpoch = epoch;
            bestParams = network.params().dup();
        }
        stop = stopsAt(epoch, bestEpoch);
    }

    /** Whether training stops after {@code epoch} when {@code bestEpoch} had the best loss so far. */
    boolean stopsAt(int epoch, int bestEpoch) {
        return patience > 0 && epoch - bestEpoch >= patience && 2 * epoch >= epochBudget;
    }

    @Override
    public boolean stopsTraining() {
        return stop;
    }

    @Override
    public void onEnd(TrainableNetwork network) {
        if (bestParams != null) network.setParams(bestParams); // the best epoch, not the last
    }

    /** What happened in the training this callback watched. */
    public TrainingSummary summary() {
        return validated ? new TrainingSummary(epochsRun, bestEpoch, bestLoss)
                : new TrainingSummary(epochsRun, epochsRun, Double.NaN);
    }
}
