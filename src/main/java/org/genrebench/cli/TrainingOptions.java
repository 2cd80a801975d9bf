package org.genrebench.cli;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.pipeline.InputSettings;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** How models are trained: the options {@code compare} and {@code train} share (a picocli mixin). */
final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "Maximum training epochs of the networks (early stopping may end"
            + " sooner; default: 30, and on compare's embedded set 20, or 8 with --quick).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Mini-batch size of the networks (default: 32).")
    Integer batchSize;

    @Option(names = "--width", paramLabel = "N", description = "Base channel count of the networks: cnn/vgg/crnn blocks have N, 2N, 4N"
            + " channels (default: 8; gtzan-cnn: 16). Papers' sizes are 16-64.")
    Integer width;

    @Option(names = "--full-resolution", description = "Feed the networks the full 128x130 mel window instead of the 2x2 average-pooled"
            + " 64x65 one (~4x the training cost; gtzan-cnn always is).")
    boolean fullResolution;

    @Option(names = "--mixup", paramLabel = "ALPHA", description = "Mixup for the networks: each training window blended with"
            + " another of its batch, weight ~ Beta(ALPHA, ALPHA); 0.2 is the common choice (default: off).")
    Double mixup;

    @Option(names = "--lr-schedule", paramLabel = "NAME", description = "Learning-rate schedule of the networks over the epoch"
            + " budget: rising (nd4j's PolySchedule as it computes it: up to ~2x), linear (decay to 0), cosine, constant or onecycle (warm-up to twice the rate, then cosine to 0) (default: rising).")
    String lrSchedule;

    @Option(names = "--pitch-shift", paramLabel = "SEMITONES", description = "Shift each training window of the networks by up to"
            + " this many semitones, as whole mel bands (default: off).")
    Double pitchShift;

    @Option(names = "--time-shift", description = "Roll each training window of the networks by a random number of frames"
            + " (default: off).")
    boolean timeShift;

    @Option(names = "--chunk-seconds", defaultValue = "3", paramLabel = "S",
            description = "Feature rows per chunk of S seconds for the classical models (0 = one row per track; default: ${DEFAULT-VALUE}).")
    double chunkSeconds;

    @Option(names = "--window-seconds", defaultValue = "3", paramLabel = "S",
            description = "Length of the networks' mel windows in seconds, 50 %% overlap (default: ${DEFAULT-VALUE}; clips shorter"
                    + " than one window are skipped).")
    double windowSeconds;

    /** How audio becomes model inputs under these options. */
    InputSettings inputSettings() {
        return InputSettings.of(chunkSeconds, windowSeconds);
    }

    @Option(names = "--param", paramLabel = "MODEL.KEY=VALUE", description = "Sets one hyper-parameter of one model, e.g."
            + " svm.C=3 or cnn.width=16 (repeatable; `genrebench models` lists each model's parameters and defaults).")
    java.util.List<String> params = new java.util.ArrayList<>();

    @Option(names = "--probe", paramLabel = "NAME", completionCandidates = ModelNames.Probes.class,
            description = "The classifier on the pre-trained models' embeddings, one of ${COMPLETION-CANDIDATES} (default: each"
                    + " model's probe parameter, which `genrebench models` lists; the same as --param MODEL.probe=NAME for each of them).")
    String probe;

    /** Each model's {@code --param} settings, and {@code --probe} for the models that take one, checked against the catalogue. */
    Map<String, Map<String, String>> parameters(java.util.List<String> models) {
        Map<String, Map<String, String>> parsed = ModelRegistry.parameters(params, models);
        if (probe == null) return parsed;
        Map<String, Map<String, String>> all = new java.util.TreeMap<>(parsed);
        for (String m : models) {
            var entry = ModelRegistry.entry(m);
            Map<String, String> own = parsed.getOrDefault(m, Map.of());
            if (own.containsKey("probe") || entry.parameters().stream().noneMatch(p -> p.key().equals("probe"))) continue;
            Map<String, String> withProbe = new java.util.TreeMap<>(own);
            withProbe.put("probe", probe);
            all.put(m, entry.check(withProbe));
        }
        return all;
    }

    /**
     * The range checks of these options for a run of {@code models} (one {@code error:} line each); {@code --param}
     * for a model that {@code tune} searches would be overridden by the search, so that is refused too.
     */
    void check(java.util.List<String> models, boolean tune) {
        Map<String, Map<String, String>> p = parameters(models);
        for (String model : p.keySet()) {
            if (tune && ModelRegistry.tunable(ModelRegistry.entry(model))) {
                throw new org.genrebench.util.UserException("--param " + model + ".… and --tune both set " + model
                        + "'s hyper-parameters; give one of them");
            }
        }
        OptionChecks.atLeast("--epochs", epochs, 1);
        OptionChecks.atLeast("--batch-size", batchSize, 1);
        OptionChecks.atLeast("--width", width, 1);
        OptionChecks.chunkSeconds("--chunk-seconds", chunkSeconds, true);
        OptionChecks.chunkSeconds("--window-seconds", windowSeconds, false);
        if (mixup != null) OptionChecks.inRange("--mixup", mixup, 0, 10);
        if (pitchShift != null) OptionChecks.inRange("--pitch-shift", pitchShift, 0, ModelRegistry.MAX_PITCH_SHIFT);
        if (lrSchedule != null) ModelRegistry.scheduleId(lrSchedule); // fails now, naming the known ones
    }

    /**
     * The networks' settings given on the command line, as {@code ModelRegistry.deep(..).create} takes them;
     * {@code defaultEpochs} (may be null) stands in for an absent {@code --epochs}.
     */
    Map<String, String> networkSettings(Integer defaultEpochs) {
        Map<String, String> settings = new HashMap<>();
        Integer e = epochs != null ? epochs : defaultEpochs;
        if (e != null) settings.put("epochs", Integer.toString(e));
        if (batchSize != null) settings.put("batchSize", Integer.toString(batchSize));
        if (width != null) settings.put("width", Integer.toString(width));
        if (fullResolution) settings.put("fullResolution", "true");
        if (mixup != null && mixup > 0) settings.put("mixup", Double.toString(mixup));
        if (lrSchedule != null) settings.put("schedule", ModelRegistry.scheduleId(lrSchedule));
        if (pitchShift != null && pitchShift > 0) settings.put("pitchShift", Double.toString(pitchShift));
        if (timeShift) settings.put("timeShift", "true");
        return settings;
    }
}
