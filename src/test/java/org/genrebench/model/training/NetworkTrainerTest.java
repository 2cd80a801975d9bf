package org.genrebench.model.training;

import org.genrebench.util.Permutations;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NetworkTrainerTest {

    /** A callback that writes each hook it sees into the network's event list, and asks to stop after an epoch. */
    private static final class Tracing implements TrainingCallback {
        private final String name;
        private final int stopAfter;
        private int epoch;

        Tracing(String name, int stopAfter) {
            this.name = name;
            this.stopAfter = stopAfter;
        }

        @Override public void onStart(TrainableNetwork n) { log(n, "start"); }
        @Override public void afterEpoch(TrainableNetwork n, int epoch) { this.epoch = epoch; log(n, "epoch" + epoch); }
        @Override public void beforeValidation(TrainableNetwork n) { log(n, "before"); }
        @Override public void afterValidation(TrainableNetwork n, int epoch, double loss) { log(n, "after" + epoch + "=" + loss); }
        @Override public boolean stopsTraining() { return epoch >= stopAfter; }
        @Override public void onEnd(TrainableNetwork n) { log(n, "end"); }

        private void log(TrainableNetwork n, String event) {
            ((RecordingNetwork) n).events.add(name + ":" + event);
        }
    }

    @Test
    void runsTheHooksInOrderWithValidationAfterHooksReversedAndStopsWhenACallbackAsks() {
        RecordingNetwork net = new RecordingNetwork();
        List<TrainingCallback> callbacks = List.of(new Tracing("a", 99), new Tracing("b", 2));
        new NetworkTrainer(5, 2, 1L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, callbacks)
                .fit(net, RecordingNetwork.indexed(3), RecordingNetwork.indexed(3));
        // 3 examples in batches of 2: two steps an epoch; validation: parameter + first label of each batch
        // ([0,1] and [2]), weighted by batch size: ((p+0)*2 + (p+2)*1) / 3
        assertEquals(List.of("a:start", "b:start",
                "step", "step", "a:epoch1", "b:epoch1", "a:before", "b:before", "loss@2.0", "loss@2.0",
                "b:after1=2.6666666666666665", "a:after1=2.6666666666666665",
                "step", "step", "a:epoch2", "b:epoch2", "a:before", "b:before", "loss@4.0", "loss@4.0",
                "b:after2=4.666666666666667", "a:after2=4.666666666666667",
                "a:end", "b:end"), net.events);
    }

    @Test
    void withoutValidationExamplesNothingIsValidated() {
        RecordingNetwork net = new RecordingNetwork();
        new NetworkTrainer(2, 4, 1L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of(new Tracing("a", 99)))
                .fit(net, RecordingNetwork.indexed(3), Examples.NONE);
        assertEquals(List.of("a:start", "step", "a:epoch1", "step", "a:epoch2", "a:end"), net.events);
    }

    @Test
    void eachEpochVisitsEveryExampleOnceInTheSeededOrderOfItsShuffling() {
        for (NetworkTrainer.Shuffling shuffling : NetworkTrainer.Shuffling.values()) {
            RecordingNetwork net = new RecordingNetwork();
            new NetworkTrainer(3, 7, 9L, shuffling, List.of()).fit(net, RecordingNetwork.indexed(7), Examples.NONE);
            Random rng = new Random(9L);
            int[] order = IntStream.range(0, 7).toArray();
            List<float[]> expected = new ArrayList<>();
            for (int epoch = 0; epoch < 3; epoch++) {
                if (shuffling == NetworkTrainer.Shuffling.FROM_INPUT_ORDER) order = IntStream.range(0, 7).toArray();
                Permutations.shuffle(order, rng);
                float[] ids = new float[7];
                for (int i = 0; i < 7; i++) ids[i] = order[i];
                expected.add(ids);
            }
            assertEquals(3, net.batches.size());
            for (int e = 0; e < 3; e++) assertArrayEquals(expected.get(e), net.batches.get(e), shuffling + " epoch " + e);
            float[] sorted = net.batches.get(2).clone();
            Arrays.sort(sorted);
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6}, sorted);
        }
    }

    @Test
    void theTwoShufflingsGiveDifferentOrdersForOneSeed() { // so the choice of each model matters and is kept
        RecordingNetwork previous = new RecordingNetwork(), input = new RecordingNetwork();
        new NetworkTrainer(2, 7, 9L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of()).fit(previous, RecordingNetwork.indexed(7), Examples.NONE);
        new NetworkTrainer(2, 7, 9L, NetworkTrainer.Shuffling.FROM_INPUT_ORDER, List.of()).fit(input, RecordingNetwork.indexed(7), Examples.NONE);
        assertArrayEquals(previous.batches.get(0), input.batches.get(0));
        assertFalse(Arrays.equals(previous.batches.get(1), input.batches.get(1)));
    }

    /** Examples whose training batches hold one draw from the trainer's generator each (built ahead of their step). */
    private static Examples drawing(int n) {
        return new Examples() {
            @Override public int size() { return n; }
            @Override public DataSet batch(int[] order, int from, int to) { throw new AssertionError("no validation"); }
            @Override public DataSet trainingBatch(int[] order, int from, int to, Random rng) {
                float draw = rng.nextInt(1000);
                return new DataSet(Nd4j.zeros(1, 1), Nd4j.createFromArray(new float[] {draw, order[from]}).reshape(1, 2));
            }
        };
    }

    @Test
    void batchesBuiltAheadDrawFromTheGeneratorAsIfBuiltJustBeforeTheirStep() {
        RecordingNetwork net = new RecordingNetwork();
        new NetworkTrainer(3, 2, 5L, NetworkTrainer.Shuffling.FROM_PREVIOUS_ORDER, List.of()).fit(net, drawing(5), Examples.NONE);
        Random rng = new Random(5L);
        int[] order = IntStream.range(0, 5).toArray();
        List<float[]> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            Permutations.shuffle(order, rng);
            for (int from = 0; from < 5; from += 2) expected.add(new float[] {rng.nextInt(1000), order[from]});
        }
        assertEquals(expected.size(), net.batches.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), net.batches.get(i), "step " + i);
    }

    @Test
    void aFailureInBuildingABatchReachesTheCallerAsItself() {
        Examples failing = new Examples() {
            @Override public int size() { return 4; }
            @Override public DataSet batch(int[] order, int from, int to) {
                if (from > 0) throw new java.io.UncheckedIOException(new java.io.IOException("window file gone"));
                return RecordingNetwork.indexed(4).batch(order, from, to);
            }
        };
        RecordingNetwork net = new RecordingNetwork();
        var e = assertThrows(java.io.UncheckedIOException.class, () -> new NetworkTrainer(2, 2, 1L,
                NetworkTrainer.Shuffling.FROM_INPUT_ORDER, List.of()).fit(net, failing, Examples.NONE));
        assertEquals("window file gone", e.getCause().getMessage());
        assertEquals(1, net.batches.size(), "the step before the failing batch ran");
    }

    @Test
    void rejectsAnEmptyTrainingSetAndNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(1, 1, 1L, NetworkTrainer.Shuffling.FROM_INPUT_ORDER, List.of())
                .fit(new RecordingNetwork(), Examples.NONE, Examples.NONE));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(0, 1, 1L, NetworkTrainer.Shuffling.FROM_INPUT_ORDER, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(1, 0, 1L, NetworkTrainer.Shuffling.FROM_INPUT_ORDER, List.of()));
    }
}
