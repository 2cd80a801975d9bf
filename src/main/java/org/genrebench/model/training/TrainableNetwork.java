package org.genrebench.model.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.function.BiFunction;
import java.util.function.Consumer;

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
        return adapter(network, network::score, network::setLearningRate, network::incrementEpochCount);
    }

    static TrainableNetwork of(ComputationGraph network) {
        return adapter(network, network::score, network::setLearningRate, network::incrementEpochCount);
    }

    /** The operations the two network kinds share by interface, plus the three they only share by name. */
    private static <N extends Model & NeuralNetwork> TrainableNetwork adapter(N network, BiFunction<DataSet, Boolean, Double> score,
                                                                           Consumer<ISchedule> learningRate, Runnable epochEnd) {
        return new TrainableNetwork() {
            @Override public void fit(DataSet batch) { network.fit(batch); }
            @Override public double loss(DataSet batch) { return score.apply(batch, false); }
            @Override public INDArray params() { return network.params(); }
            @Override public void setParams(INDArray params) { network.setParams(params); }
            @Override public void setLearningRate(ISchedule schedule) { learningRate.accept(schedule); }
            @Override public void incrementEpochCount() { epochEnd.run(); }
        };
    }
}
