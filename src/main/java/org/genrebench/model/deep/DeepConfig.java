package org.genrebench.model.deep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Training settings shared by the networks trained from scratch.
 *
 * @param epochs          upper bound on passes over the training windows
 * @param batchSize       windows per gradient step
 * @param learningRate    Adam's starting step size
 * @param schedule        how the step size moves over the epochs ({@link LearningRateSchedule})
 * @param patience        epochs without a better validation loss before stopping early (0 disables early stopping)
 * @param validationShare share of the training fold's groups (songs/artists) held out for early stopping
 * @param averageDecay    per-step decay of the moving average of the weights that validation and prediction use
 *                        ({@link org.genrebench.model.training.WeightAverage}); 0 uses the raw weights
 * @param seed            seeds weight initialisation, dropout, shuffling, the validation split and augmentation
 * @param threads         CPU threads for nd4j; 0 leaves nd4j's default (all cores)
 * @param augmentation    what is done to training windows ({@link Augmentation})
 */
public record DeepConfig(int epochs, int batchSize, double learningRate, LearningRateSchedule schedule, int patience,
                         double validationShare, double averageDecay, long seed, int threads, Augmentation augmentation) {

    /**
     * Defaults for the full 128x130 windows on a CPU and small data sets (hundreds to a few thousand windows).
     * Batch 32 and Adam 3e-3 rather than 64 and 1e-3: with a few hundred training windows per fold, batch 64 gave
     * ~5 steps per epoch and the networks were still near chance after the handful of epochs a CPU run can
     * afford; halving the batch doubles the updates for ~the same compute, and the larger step (with batch norm
     * everywhere) converges in a few epochs without diverging (docs/architecture.md, "Networks"). That large
     * step makes the raw weights jump from batch to batch; validating and predicting with their moving average
     * (decay 0.99, a horizon of ~100 steps) lifted the synthetic set's song accuracy from 0.606/0.506/0.513 to
     * 0.663/0.650/0.588 (cnn/vgg/crnn, same folds and seed; docs/architecture.md, "Networks"). The rising
     * schedule and SpecAugment alone are what the real-audio ablation supports (results/ablation-cnn-10genre.md).
     */
    public static final DeepConfig DEFAULT = new DeepConfig(30, 32, 3e-3, LearningRateSchedule.RISING, 5, 0.15, 0.99,
            42L, 0, Augmentation.DEFAULT);

    public DeepConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        java.util.Objects.requireNonNull(schedule, "schedule");
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in [0, 1), got " + validationShare);
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new IllegalArgumentException("weight-average decay must be in [0, 1), got " + averageDecay);
        }
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        java.util.Objects.requireNonNull(augmentation, "augmentation");
    }

    public DeepConfig withEpochs(int e) {
        return new DeepConfig(e, batchSize, learningRate, schedule, patience, validationShare, averageDecay, seed, threads, augmentation);
    }

    public DeepConfig withBatchSize(int b) {
        return new DeepConfig(epochs, b, learningRate, schedule, patience, validationShare, averageDecay, seed, threads, augmentation);
    }

    public DeepConfig withLearningRate(double rate) {
        return new DeepConfig(epochs, batchSize, rate, schedule, patience, validationShare, averageDecay, seed, threads, augmentation);
    }

    public DeepConfig withSchedule(LearningRateSchedule s) {
        return new DeepConfig(epochs, batchSize, learningRate, s, patience, validationShare, averageDecay, seed, threads, augmentation);
    }

    public DeepConfig withSeed(long s) {
        return new DeepConfig(epochs, batchSize, learningRate, schedule, patience, validationShare, averageDecay, s, threads, augmentation);
    }

    public DeepConfig withAugmentation(Augmentation a) {
        return new DeepConfig(epochs, batchSize, learningRate, schedule, patience, validationShare, averageDecay, seed, threads, a);
    }

    /**
     * The settings as report-ready strings (also the on-disk form, see {@link #fromMap}). Settings added after the
     * first model files (schedule, mixup, shifts) appear only when they differ from what those files meant.
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        if (schedule != LearningRateSchedule.RISING) m.put("schedule", schedule.id());
        m.put("patience", Integer.toString(patience));
        m.put("validationShare", Double.toString(validationShare));
        m.put("specAugment", Boolean.toString(augmentation.specAugment()));
        m.put("averageDecay", Double.toString(averageDecay));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        if (augmentation.mixupAlpha() > 0) m.put("mixup", Double.toString(augmentation.mixupAlpha()));
        if (augmentation.pitchShift() > 0) m.put("pitchShift", Double.toString(augmentation.pitchShift()));
        if (augmentation.timeShift()) m.put("timeShift", "true");
        return m;
    }

    static DeepConfig fromMap(Properties p) {
        Augmentation a = new Augmentation(Boolean.parseBoolean(p.getProperty("specAugment")),
                Double.parseDouble(p.getProperty("mixup", "0")), Double.parseDouble(p.getProperty("pitchShift", "0")),
                Boolean.parseBoolean(p.getProperty("timeShift", "false")));
        return new DeepConfig(Integer.parseInt(p.getProperty("epochs")), Integer.parseInt(p.getProperty("batchSize")),
                Double.parseDouble(p.getProperty("learningRate")),
                LearningRateSchedule.of(p.getProperty("schedule", LearningRateSchedule.RISING.id())),
                Integer.parseInt(p.getProperty("patience")), Double.parseDouble(p.getProperty("validationShare")),
                Double.parseDouble(p.getProperty("averageDecay", "0")), // files written before weight averaging
                Long.parseLong(p.getProperty("seed")), Integer.parseInt(p.getProperty("threads")), a);
    }
}
