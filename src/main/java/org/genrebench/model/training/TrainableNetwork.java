package org.genrebench.model.training;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * What {@link NetworkTrainer} and its callbacks do to a network. DL4J's two network kinds have these operations
 * but no common type for them: the from-scratch networks are {@link MultiLayerNetwork}s, the fine-tuned musicnn a
 * {@link ComputationGraph}.
 */
public interface TrainableNetwork {
    /** One gradient step on {@code batch}. */
    void fit(DataSet batch);

    /** The mean loss on {@code batch} in inference mode (no dropout). */
    double loss(DataSet batch);

    /** The flattened parameters (a live view). */
    INDArray params();

    /** Copies {@code params} into the network's parameters. */
    void setParams(INDArray params);

    /** The updater's step size from now on. */
    void setLearningRate(ISchedule schedule);

    /** Ends an epoch for the network's epoch-driven schedules. */
    void incrementEpochCount();

    static TrainableNetwork of(MultiLayerNetwork network) {
        return new TrainableNetwork() {
            @Override public void fit(DataSet batch) { network.fit(batch); }
            @Override public double loss(DataSet batch) { return network.score(batch, false); }
            @Override public INDArray params() { return network.params(); }
            @Override public void setParams(INDArray params) { network.setParams(params); }
            @Override public void setLearningRate(ISchedule schedule) { network.setLearningRate(schedule); }
            @Override public void incrementEpochCount() { network.incrementEpochCount(); }
        };
    }

    static TrainableNetwork of(ComputationGraph network) {
        return new TrainableNetwork() {
            @Override public void fit(DataSet batch) { network.fit(batch); }
            @Override public double loss(DataSet batch) { return network.score(batch, false); }
            @Override public INDArray params() { return network.params(); }
            @Override public void setParams(INDArray params) { network.setParams(params); }
            @Override public void setLearningRate(ISchedule schedule) { network.setLearningRate(schedule); }
            @Override public void incrementEpochCount() { network.incrementEpochCount(); }
        };
    }
}
