package org.genrebench.model.training;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Moves the updater's step size by an nd4j {@link ISchedule}: installs it before the first step and counts the
 * epochs that epoch-based schedules read. A new schedule is one {@link ISchedule} class.
 */
public final class LearningRateScheduling implements TrainingCallback {
    private final ISchedule schedule;

    public LearningRateScheduling(ISchedule schedule) {
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public void onStart(TrainableNetwork network) {
        network.setLearningRate(schedule);
    }

    @Override
    public void afterEpoch(TrainableNetwork network, int epoch) {
        network.incrementEpochCount();
    }
}
