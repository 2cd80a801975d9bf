package org.genrebench.model.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in network with one parameter: each step adds 1 to it, and its loss on a batch is the parameter plus the
 * batch's first label. It records what the trainer did to it.
 */
final class RecordingNetwork implements TrainableNetwork {
    final INDArray params = Nd4j.createFromArray(0.0);
    final List<String> events = new ArrayList<>();
    final List<float[]> batches = new ArrayList<>();
    ISchedule schedule;
    int epochCount;

    @Override
    public void fit(DataSet batch) {
        batches.add(batch.getLabels().toFloatVector());
        params.addi(1);
        events.add("step");
    }

    @Override
    public double loss(DataSet batch) {
        events.add("loss@" + params.getDouble(0));
        return params.getDouble(0) + batch.getLabels().getDouble(0);
    }

    @Override
    public INDArray params() {
        return params;
    }

    @Override
    public void setParams(INDArray p) {
        params.assign(p);
    }

    @Override
    public void setLearningRate(ISchedule s) {
        schedule = s;
    }

    @Override
    public void incrementEpochCount() {
        epochCount++;
    }

    /** Examples whose labels are their indices (one value each), so a batch shows which examples it holds. */
    static Examples indexed(int n) {
        return new Examples() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public DataSet batch(int[] order, int from, int to) {
                float[] ids = new float[to - from];
                for (int i = from; i < to; i++) ids[i - from] = order[i];
                return new DataSet(Nd4j.zeros(to - from, 1), Nd4j.createFromArray(ids).reshape(to - from, 1));
            }
        };
    }
}
