package org.genrebench.model.deep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Training settings shared by the three networks.
 *
 * @param epochs          upper bound on passes over the training windows
 * @param batchSize       windows per gradient step
 * @param learningRate    Adam step size
 * @param patience        epochs without a better validation loss before stopping early (0 disables early stopping)
 * @param validationShare share of the training fold's groups (songs/artists) held out for early stopping
 * @param specAugment     apply SpecAugment-style time and frequency masks to training windows
 * @param averageDecay    per-step decay of the moving average of the weights that validation and prediction use
 *                        ({@link WeightAverage}); 0 uses the raw weights
 * @param seed            seeds weight initialisation, dropout, shuffling, the validation split and masking
 * @param threads         CPU threads for nd4j; 0 leaves nd4j's default (all cores)
 * @param mixupAlpha      mixup's Beta(α, α) parameter for blending training windows ({@link Mixup}); 0 = off
 */
public record DeepConfig(int epochs, int batchSize, double learningRate, int patience, double validationShare,
                         boolean specAugment, double averageDecay, long seed, int threads, double mixupAlpha) {

    /**
     * Defaults for the full 128x130 windows on a CPU and small data sets (hundreds to a few thousand windows).
     * Batch 32 and Adam 3e-3 rather than 64 and 1e-3: with a few hundred training windows per fold, batch 64 gave
     * ~5 steps per epoch and the networks were still near chance after the handful of epochs a CPU run can
     * afford; halving the batch doubles the updates for ~the same compute, and the larger step (with batch norm
     * everywhere) converges in a few epochs without diverging (docs/architecture.md, "Networks"). That large
     * step makes the raw weights jump from batch to batch; validating and predicting with their moving average
     * (decay 0.99, a horizon of ~100 steps) lifted the synthetic set's song accuracy from 0.606/0.506/0.513 to
     * 0.663/0.650/0.588 (cnn/vgg/crnn, same folds and seed; docs/architecture.md, "Networks").
     */
    public static final DeepConfig DEFAULT = new DeepConfig(30, 32, 3e-3, 5, 0.15, true, 0.99, 42L, 0, 0);

    public DeepConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in [0, 1), got " + validationShare);
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new IllegalArgumentException("weight-average decay must be in [0, 1), got " + averageDecay);
        }
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        if (!(mixupAlpha >= 0) || Double.isInfinite(mixupAlpha)) throw new IllegalArgumentException("mixup alpha must be >= 0, got " + mixupAlpha);
    }


    public DeepConfig withEpochs(int e) {
        return new DeepConfig(e, batchSize, learningRate, patience, validationShare, specAugment, averageDecay, seed, threads, mixupAlpha);
    }

    public DeepConfig withBatchSize(int b) {
        return new DeepConfig(epochs, b, learningRate, patience, validationShare, specAugment, averageDecay, seed, threads, mixupAlpha);
    }

    public DeepConfig withSeed(long s) {
        return new DeepConfig(epochs, batchSize, learningRate, patience, validationShare, specAugment, averageDecay, s, threads, mixupAlpha);
    }

    public DeepConfig withSpecAugment(boolean on) {
        return new DeepConfig(epochs, batchSize, learningRate, patience, validationShare, on, averageDecay, seed, threads, mixupAlpha);
    }

    /** Mixup (Zhang et al., 2018) with mixing weights drawn from Beta(alpha, alpha); 0 turns it off. */
    public DeepConfig withMixup(double alpha) {
        return new DeepConfig(epochs, batchSize, learningRate, patience, validationShare, specAugment, averageDecay, seed, threads, alpha);
    }

    /** The settings as report-ready strings (also the on-disk form, see {@link #fromMap}). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        m.put("patience", Integer.toString(patience));
        m.put("validationShare", Double.toString(validationShare));
        m.put("specAugment", Boolean.toString(specAugment));
        m.put("averageDecay", Double.toString(averageDecay));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        if (mixupAlpha > 0) m.put("mixup", Double.toString(mixupAlpha)); // absent = off, as in files without it
        return m;
    }

    static DeepConfig fromMap(Properties p) {
        return new DeepConfig(Integer.parseInt(p.getProperty("epochs")), Integer.parseInt(p.getProperty("batchSize")),
                Double.parseDouble(p.getProperty("learningRate")), Integer.parseInt(p.getProperty("patience")),
                Double.parseDouble(p.getProperty("validationShare")), Boolean.parseBoolean(p.getProperty("specAugment")),
                Double.parseDouble(p.getProperty("averageDecay", "0")), // files written before weight averaging
                Long.parseLong(p.getProperty("seed")), Integer.parseInt(p.getProperty("threads")),
                Double.parseDouble(p.getProperty("mixup", "0")));
    }
}
