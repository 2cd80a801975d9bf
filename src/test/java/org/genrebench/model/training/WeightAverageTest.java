package org.genrebench.model.training;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightAverageTest {
    @Test
    void startsAtTheFirstWeightsThenDecaysWithTheWarmUpRamp() {
        WeightAverage average = new WeightAverage(0.5);
        INDArray w = Nd4j.createFromArray(1f, -2f);
        average.update(w);
        assertArrayEquals(new float[] {1, -2}, average.average().toFloatVector());
        w.assign(Nd4j.createFromArray(3f, 2f)); // the live parameter view changes in place, as DL4J's does
        average.update(w); // step 2: decay min(0.5, 3/12) = 0.25 -> 0.25 * old + 0.75 * new
        assertArrayEquals(new float[] {2.5f, 1f}, average.average().toFloatVector(), 1e-6f);
        w.assign(Nd4j.createFromArray(0f, 0f));
        for (int i = 0; i < 40; i++) average.update(w); // the ramp reaches the decay cap (0.5): old weights fade
        assertArrayEquals(new float[] {0, 0}, average.average().toFloatVector(), 1e-6f);
    }

    @Test
    void rejectsDecaysOutsideTheOpenUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(1));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(0));
        assertThrows(IllegalStateException.class, () -> new WeightAverage(0.9).average());
    }

    @Test
    void validatesTheAverageTrainsOnFromTheRawWeightsAndEndsWithTheAverage() {
        // the stand-in adds 1 per step: raw weights 1, 2, 3, ...; with decay 0.5 the average lags behind them
        RecordingNetwork net = new RecordingNetwork();
        WeightAverage average = new WeightAverage(0.5);
        new NetworkTrainer(3, 1, 1L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of(average))
                .fit(net, RecordingNetwork.indexed(1), RecordingNetwork.indexed(1));
        // average after step 1: 1; step 2: d = min(0.5, 3/12) -> 0.25*1 + 0.75*2 = 1.75; step 3: d = 4/13
        double third = 1.75 * 4 / 13 + 3.0 * 9 / 13;
        assertEquals(List.of("step", "loss@1.0", "step", "loss@1.75", "step", "loss@" + net.params().getDouble(0)), net.events);
        assertEquals(third, net.params().getDouble(0), 1e-12, "the final weights are the average");
    }
}
