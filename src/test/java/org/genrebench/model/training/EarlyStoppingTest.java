package org.genrebench.model.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStoppingTest {
    @Test
    void waitsForPatienceAndHalfTheEpochBudget() {
        EarlyStopping stopping = new EarlyStopping(5, 20);
        assertFalse(stopping.stopsAt(7, 2), "5 epochs without progress, but only 7 of 20 run");
        assertTrue(stopping.stopsAt(10, 5));
        assertFalse(stopping.stopsAt(12, 8), "4 epochs without progress: patience not used up");
        assertTrue(stopping.stopsAt(16, 11));
        assertFalse(new EarlyStopping(0, 20).stopsAt(19, 1), "patience 0 never stops early");
    }

    @Test
    void stopsAfterPatienceAndKeepsTheBestEpochsWeights() {
        // the stand-in's validation loss is its parameter, which counts the steps: one step an epoch, so the loss
        // rises every epoch and epoch 1 stays the best
        RecordingNetwork net = new RecordingNetwork();
        EarlyStopping stopping = new EarlyStopping(2, 6);
        new NetworkTrainer(6, 1, 1L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of(stopping))
                .fit(net, RecordingNetwork.indexed(1), RecordingNetwork.indexed(1));
        assertEquals(new TrainingSummary(3, 1, 1.0), stopping.summary(), "epoch 3 is two without progress and half of 6");
        assertEquals(1.0, net.params().getDouble(0), "the weights of epoch 1, not of the last");
    }

    @Test
    void withoutValidationTheLastEpochIsKept() {
        RecordingNetwork net = new RecordingNetwork();
        EarlyStopping stopping = new EarlyStopping(2, 4);
        new NetworkTrainer(4, 1, 1L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of(stopping))
                .fit(net, RecordingNetwork.indexed(1), Examples.NONE);
        assertEquals(4, stopping.summary().epochsRun());
        assertEquals(4, stopping.summary().bestEpoch());
        assertTrue(Double.isNaN(stopping.summary().bestValidationLoss()));
        assertEquals(4.0, net.params().getDouble(0));
    }
}
