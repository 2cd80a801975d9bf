package org.genrebench.model.training;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LearningRateSchedulingTest {
    @Test
    void installsTheScheduleAndCountsTheEpochsItReads() {
        RecordingNetwork net = new RecordingNetwork();
        ISchedule schedule = new FixedSchedule(1e-3);
        new NetworkTrainer(4, 1, 1L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of(new LearningRateScheduling(schedule)))
                .fit(net, RecordingNetwork.indexed(2), Examples.NONE);
        assertSame(schedule, net.schedule);
        assertEquals(4, net.epochCount);
    }
}
