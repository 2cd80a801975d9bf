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
    void namesParseCaseInsensitivelyAndAnUnknownOneListsTheKnown() {
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.of("Cosine"));
        UserException e = assertThrows(UserException.class, () -> LearningRateSchedule.of("step"));
        assertEquals("unknown learning-rate schedule 'step' (known: rising,linear,cosine,constant)", e.getMessage());
    }
}
