package org.genrebench.model.deep;

import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningRateScheduleTest {
    @Test
    void eachScheduleStartsAtTheRateAndMovesAsNamed() {
        ISchedule linear = LearningRateSchedule.LINEAR.over(1e-2, 10);
        ISchedule cosine = LearningRateSchedule.COSINE.over(1e-2, 10);
        ISchedule constant = LearningRateSchedule.CONSTANT.over(1e-2, 10);
        ISchedule rising = LearningRateSchedule.RISING.over(1e-2, 10);
        for (ISchedule s : new ISchedule[] {linear, cosine, constant, rising}) assertEquals(1e-2, s.valueAt(0, 0), 1e-12);
        assertEquals(1.5e-2, rising.valueAt(0, 5), 1e-12, "nd4j's PolySchedule grows: (1 + e/E)^power");
        assertEquals(1.9e-2, rising.valueAt(0, 9), 1e-12);
        assertEquals(5e-3, linear.valueAt(0, 5), 1e-12);
        assertEquals(5e-3, cosine.valueAt(0, 5), 1e-12, "cosine is at half the rate half-way");
        assertEquals(1e-2 * 0.5 * (1 + Math.cos(Math.PI * 0.2)), cosine.valueAt(0, 2), 1e-12);
        assertTrue(cosine.valueAt(0, 2) > linear.valueAt(0, 2), "cosine stays higher early");
        assertTrue(cosine.valueAt(0, 9) < linear.valueAt(0, 9), "and lower late");
        assertEquals(1e-2, constant.valueAt(0, 9), 0);
    }

    @Test
    void oneCycleWarmsUpToTwiceTheRateOverThirtyPercentThenAnnealsTowardsZero() {
        ISchedule s = LearningRateSchedule.ONECYCLE.over(3e-3, 15);
        assertEquals(6e-3 / 25, s.valueAt(0, 0), 1e-15, "starts at the peak over 25");
        assertEquals(6e-3, s.valueAt(0, 5), 1e-15, "peaks after round(0.3 * 15) = 5 epochs");
        for (int e = 1; e <= 5; e++) assertTrue(s.valueAt(0, e) > s.valueAt(0, e - 1), "rises at epoch " + e);
        for (int e = 6; e < 15; e++) assertTrue(s.valueAt(0, e) < s.valueAt(0, e - 1), "falls at epoch " + e);
        assertEquals(6e-3 * 0.5 * (1 + Math.cos(Math.PI * 9 / 10)), s.valueAt(0, 14), 1e-15);
        assertTrue(s.valueAt(0, 14) > 0 && s.valueAt(0, 14) < 6e-3 * 0.03, "ends near 0, not at it");
        ISchedule twoEpochs = LearningRateSchedule.ONECYCLE.over(1e-2, 2);
        assertEquals(2e-2 / 25, twoEpochs.valueAt(0, 0), 1e-15, "a budget of two: one epoch up, one at the peak");
        assertEquals(2e-2, twoEpochs.valueAt(0, 1), 1e-15);
    }

    @Test
    void theLearningRateParameterSetsTheScheduleStart() {
        DeepConfig c = NetworkParameters.config(java.util.Map.of("learningRate", "6e-3", "schedule", "onecycle"), 7);
        assertEquals(6e-3, c.learningRate(), 0);
        assertEquals(LearningRateSchedule.ONECYCLE, c.schedule());
        assertEquals(DeepConfig.DEFAULT.learningRate(), NetworkParameters.config(java.util.Map.of(), 7).learningRate(), 0);
    }

    @Test
    void namesParseCaseInsensitivelyAndAnUnknownOneListsTheKnown() {
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.of("Cosine"));
        UserException e = assertThrows(UserException.class, () -> LearningRateSchedule.of("step"));
        assertEquals("unknown learning-rate schedule 'step' (known: rising,linear,cosine,constant,onecycle)", e.getMessage());
    }
}
