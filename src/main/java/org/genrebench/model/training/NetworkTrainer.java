package org.genrebench.model.training;

import org.genrebench.util.Parallel;
import org.genrebench.util.Permutations;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The mini-batch training loop every network in GenreBench is fitted by: seeded shuffling, one gradient step per
 * batch, an optional validation loss per epoch, and {@link TrainingCallback}s for everything else (learning-rate
 * schedule, weight averaging, early stopping).
 *
 * <p>One seed fixes the shuffling, whatever augmentation the examples draw from the same generator, and dropout
 * (nd4j's global generator).
 *
 * <p>Training batches are built ahead on one helper thread ({@link Parallel#forEachOrdered}) while the steps run
 * (reading, normalising and augmenting windows is about a tenth of an epoch, and a step leaves a core idle part of the
 * time). Batches are built one at a time in order, and nothing else draws from the generator within an epoch, so the
 * draws, and with them the trained weights, are those of building each batch just before its step.
 *
 * @param epochs    upper bound on passes over the training examples
 * @param batchSize examples per gradient step (and per validation batch)
 * @param seed      seeds the shuffling generator and nd4j's global one
 * @param shuffling how each epoch's order is drawn
 * @param callbacks in the order {@link TrainingCallback} describes
 */
public record NetworkTrainer(int epochs, int batchSize, long seed, Shuffling shuffling, List<TrainingCallback> callbacks) {

    /**
     * Both draw a uniformly random order every epoch from the seed; they only give different orders for one seed.
     * Each model keeps the one its committed results were trained with.
     */
    public enum Shuffling {
        /** Each epoch shuffles the previous epoch's order (the from-scratch networks). */
        FROM_PREVIOUS_ORDER,
        /** Each epoch shuffles the examples' own order (the fine-tuned musicnn). */
        FROM_INPUT_ORDER
    }

    public NetworkTrainer {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        java.util.Objects.requireNonNull(shuffling, "shuffling");
        callbacks = List.copyOf(callbacks);
    }

    /** Trains {@code network} on {@code train}, validating each epoch on {@code validation} unless it is empty. */
    public void fit(TrainableNetwork network, Examples train, Examples validation) {
        if (train.size() == 0) throw new IllegalArgumentException("no training examples");
        Nd4j.getRandom().setSeed(seed); // dropout draws from nd4j's global generator
        Random rng = new Random(seed);
        callbacks.forEach(c -> c.onStart(network));
        int[] order = identity(train.size());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (shuffling == Shuffling.FROM_INPUT_ORDER) order = identity(train.size());
            Permutations.shuffle(order, rng);
            int[] epochOrder = order;
            List<Integer> starts = IntStream.iterate(0, from -> from < epochOrder.length, from -> from + batchSize).boxed().toList();
            Parallel.forEachOrdered(starts, 1, "batch-builder",
                    from -> train.trainingBatch(epochOrder, from, Math.min(epochOrder.length, from + batchSize), rng),
                    batch -> {
                        network.fit(batch);
                        callbacks.forEach(c -> c.afterStep(network));
                    });
            for (TrainingCallback c : callbacks) c.afterEpoch(network, epoch);
            if (validation.size() > 0) {
                callbacks.forEach(c -> c.beforeValidation(network));
                double loss = meanLoss(network, validation);
                for (int i = callbacks.size() - 1; i >= 0; i--) callbacks.get(i).afterValidation(network, epoch, loss);
            }
            if (callbacks.stream().anyMatch(TrainingCallback::stopsTraining)) break;
        }
        callbacks.forEach(c -> c.onEnd(network));
    }

    /** The mean per-example loss over {@code examples}, batch by batch in their own order. */
    private double meanLoss(TrainableNetwork network, Examples examples) {
        int[] order = identity(examples.size());
        double total = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            total += network.loss(examples.batch(order, from, to)) * (to - from);
        }
        return total / order.length;
    }

    private static int[] identity(int n) {
        return IntStream.range(0, n).toArray();
    }
}
