package org.genrebench.model.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exponential moving average of a network's parameters over training steps (Polyak averaging, as in TensorFlow's
 * {@code ExponentialMovingAverage} or timm's model EMA). The average of the last few hundred steps' weights is a
 * smoother, usually better-generalising model than the last step's, whose weights jump with every small noisy
 * batch; validation and the final model use the average. The decay ramps up as {@code (1 + t) / (10 + t)} so the
 * first steps' random initialisation fades quickly. Batch-norm running statistics, which DL4J keeps among the
 * parameters, are averaged too.
 *
 * <p>As a callback: averages after every step, swaps the average in for validation (training goes on from the raw
 * weights) and leaves the average as the final weights.
 */
public final class WeightAverage implements TrainingCallback {
    private final double decay;
    private INDArray average;
    private long steps;
    private INDArray rawWhileValidating;

    /** @param decay the long-run weight of the old average per step, in (0, 1) */
    public WeightAverage(double decay) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        this.decay = decay;
    }

    /** Folds the current parameters into the average. */
    void update(INDArray params) {
        steps++;
        if (average == null) {
            average = params.dup();
            return;
        }
        double d = Math.min(decay, (1.0 + steps) / (10.0 + steps));
        average.muli(d).addi(params.mul(1 - d));
    }

    /** The averaged parameters (live: copy them to keep a snapshot). */
    INDArray average() {
        if (average == null) throw new IllegalStateException("no steps averaged yet");
        return average;
    }

    @Override
    public void afterStep(TrainableNetwork network) {
        update(network.params());
    }

    @Override
    public void beforeValidation(TrainableNetwork network) {
        rawWhileValidating = network.params().dup();
        network.setParams(average());
    }

    @Override
    public void afterValidation(TrainableNetwork network, int epoch, double loss) {
        network.setParams(rawWhileValidating);
        rawWhileValidating = null;
    }

    @Override
    public void onEnd(TrainableNetwork network) {
        network.setParams(average());
    }
}
