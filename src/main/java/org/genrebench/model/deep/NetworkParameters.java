package org.genrebench.model.deep;

import org.genrebench.model.HyperParameter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hyper-parameters every network takes (the command line's {@code --epochs}, {@code --width}, ... and
 * {@code --param cnn.KEY=VALUE}), declared once with their types, and how they become a {@link DeepConfig} and a
 * {@link NetworkArchitecture}.
 */
public final class NetworkParameters {
    private NetworkParameters() {
    }

    /** The knobs of a network of {@code design}: the training ones and its own default size. */
    public static List<HyperParameter> of(NetworkArchitecture.Design design) {
        List<HyperParameter> all = new java.util.ArrayList<>(ALL);
        all.replaceAll(p -> switch (p.key()) {
            case "width" -> HyperParameter.integer("width", design.defaultWidth(), 1, 1024, p.help());
            case "fullResolution" -> HyperParameter.bool("fullResolution", !design.defaultStem(), p.help());
            default -> p;
        });
        return List.copyOf(all);
    }

    /** Every network's knobs; an absent one keeps {@link DeepConfig#DEFAULT} or the architecture's own size. */
    static final List<HyperParameter> ALL = List.of(
            HyperParameter.integer("epochs", DeepConfig.DEFAULT.epochs(), 1, 100_000, "maximum training epochs (early stopping may end sooner)"),
            HyperParameter.integer("batchSize", DeepConfig.DEFAULT.batchSize(), 1, 1_000_000, "windows per gradient step"),
            HyperParameter.number("learningRate", Double.toString(DeepConfig.DEFAULT.learningRate()), 1e-9, 10,
                    "Adam's step size at the schedule's start (onecycle: peaks at twice it)"),
            HyperParameter.integer("width", NetworkArchitecture.DEFAULT_WIDTH, 1, 1024, "base channel count"),
            HyperParameter.bool("fullResolution", false, "feed the full 128x130 window instead of the 2x2-pooled one"),
            HyperParameter.choice("schedule", DeepConfig.DEFAULT.schedule().id(),
                    Arrays.stream(LearningRateSchedule.values()).map(LearningRateSchedule::id).toList(), "learning-rate schedule"),
            HyperParameter.bool("specAugment", Augmentation.DEFAULT.specAugment(), "SpecAugment masks on training windows"),
            HyperParameter.number("mixup", "0", 0, 10, "mixup Beta(a, a) parameter (0: off)"),
            HyperParameter.number("pitchShift", "0", 0, Augmentation.MAX_PITCH_SHIFT, "random pitch shift in semitones (0: off)"),
            HyperParameter.bool("timeShift", false, "random roll of training windows"));

    /** The network {@code design} with {@code params} (checked against {@link #ALL}) applied, seeded by {@code seed}. */
    public static DeepGenreClassifier create(NetworkArchitecture.Design design, Map<String, String> params, long seed) {
        HyperParameter.resolve(design.name(), ALL, params); // unknown keys and bad values fail here, naming the model
        return DeepGenreClassifier.of(architecture(design, params), config(params, seed));
    }

    /** {@link DeepConfig#DEFAULT} with the seed and the given settings. */
    public static DeepConfig config(Map<String, String> p, long seed) {
        DeepConfig c = DeepConfig.DEFAULT.withSeed(seed);
        if (p.containsKey("epochs")) c = c.withEpochs(Integer.parseInt(p.get("epochs")));
        if (p.containsKey("batchSize")) c = c.withBatchSize(Integer.parseInt(p.get("batchSize")));
        if (p.containsKey("learningRate")) c = c.withLearningRate(Double.parseDouble(p.get("learningRate")));
        if (p.containsKey("schedule")) c = c.withSchedule(LearningRateSchedule.of(p.get("schedule")));
        Augmentation a = c.augmentation();
        if (p.containsKey("specAugment")) a = a.withSpecAugment(Boolean.parseBoolean(p.get("specAugment")));
        if (p.containsKey("mixup")) a = a.withMixup(Double.parseDouble(p.get("mixup")));
        if (p.containsKey("pitchShift")) a = a.withPitchShift(Double.parseDouble(p.get("pitchShift")));
        if (p.containsKey("timeShift")) a = a.withTimeShift(Boolean.parseBoolean(p.get("timeShift")));
        return c.withAugmentation(a);
    }

    /** The network {@code design} at its default size, with {@code width} and {@code fullResolution} applied when given. */
    public static NetworkArchitecture architecture(NetworkArchitecture.Design design, Map<String, String> p) {
        int width = p.containsKey("width") ? Integer.parseInt(p.get("width")) : design.defaultWidth();
        boolean stem = design.defaultStem() && !Boolean.parseBoolean(p.getOrDefault("fullResolution", "false"));
        return design.build(width, stem);
    }
}
