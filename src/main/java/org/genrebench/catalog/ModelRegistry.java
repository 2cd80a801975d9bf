package org.genrebench.catalog;

import org.genrebench.model.GenreClassifier;

import org.genrebench.model.classical.Knn;
import org.genrebench.model.deep.Augmentation;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.LearningRateSchedule;
import org.genrebench.model.deep.DeepGenreClassifier;
import org.genrebench.model.deep.GtzanKerasCnn;
import org.genrebench.model.deep.NetworkArchitecture;
import org.genrebench.model.classical.LogReg;
import org.genrebench.model.classical.Mlp;
import org.genrebench.model.classical.RandomForestModel;
import org.genrebench.selection.SoftVote;
import org.genrebench.model.classical.SvmRbf;
import org.genrebench.selection.Tunable;
import org.genrebench.selection.TunedClassifier;
import org.genrebench.eval.Harness;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.pipeline.InputView;
import org.genrebench.pipeline.Pipeline;
import org.genrebench.util.UserException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Model names on the command line mapped to constructors, plus each model's small tuning grid.
 * Deep models ({@code cnn, vgg, crnn, gtzan-cnn}, inputs {@code float[]}) get their own list beside {@link #classical()}.
 */
public final class ModelRegistry {
    private ModelRegistry() {
    }

    public static final String CLASSICAL = "classical";
    public static final String DEEP = "deep";

    /**
     * @param family  {@link #CLASSICAL} or {@link #DEEP}
     * @param view    the input view of this model under given input rules
     * @param factory (hyper-parameter overrides, seed) → a new unfitted model
     * @param grid    candidate overrides for {@code --tune}; the first is the default
     */
    public record Entry<X>(String name, String family, Function<InputSettings, InputView<X>> view,
                           BiFunction<Map<String, String>, Long, GenreClassifier<X>> factory,
                           List<Map<String, String>> grid) implements Tunable<X> {
        @Override
        public GenreClassifier<X> create(Map<String, String> params, long seed) {
            return factory.apply(params, seed);
        }

        /** A new unfitted pipeline: this model's view of the input rules, then the estimator. */
        public Pipeline<X> pipeline(Map<String, String> params, long seed, InputSettings inputs) {
            return new Pipeline<>(name, view.apply(inputs), create(params, seed));
        }
    }

    private static final Map<String, Entry<double[]>> CLASSICAL_MODELS = new LinkedHashMap<>();
    private static final Map<String, Entry<float[]>> DEEP_MODELS = new LinkedHashMap<>();

    static {
        // Networks are not grid-searched (one configuration each); their knobs come from DeepConfig.
        // gtzan-cnn: a published GTZAN network's size, ~30x cnn's cost; not in compare's default model list.
        for (String name : List.of("cnn", "vgg", "crnn", GtzanKerasCnn.NAME)) {
            DEEP_MODELS.put(name, new Entry<>(name, DEEP, InputSettings::melWindows,
                    (p, seed) -> DeepGenreClassifier.of(architecture(name, p), deepConfig(p, seed)), List.of(Map.of())));
        }
    }

    /** Inner song-disjoint folds of {@code --tune} . */
    public static final int INNER_FOLDS = 5;
    private static final String TRANSFORMS = "transform";
    private static final List<String> NONE_YJ = List.of("none", "yeo-johnson");

    static {
        add(new Entry<>("knn", CLASSICAL, InputSettings::featureRows, Knn::new, cross(grid("k", "5", "1", "3", "7", "9", "15"), TRANSFORMS, NONE_YJ)));
        add(new Entry<>("rf", CLASSICAL, InputSettings::featureRows, RandomForestModel::new, grid("mtry", "sqrt", "3", "14"))); // trees ignore monotone transforms
        add(new Entry<>("svm", CLASSICAL, InputSettings::featureRows, SvmRbf::new, cross(cross(grid("C", "10", "1", "3", "30", "100"),
                "gamma", List.of("scale", "scale*0.25", "scale*0.5", "scale*2")), TRANSFORMS, NONE_YJ)));
        add(new Entry<>("logreg", CLASSICAL, InputSettings::featureRows, LogReg::new, cross(grid("lambda", "1.0", "0.1", "0.3", "3", "10", "30"), TRANSFORMS, NONE_YJ)));
        // mlp: Yeo-Johnson always (the inner CV chose it on every training fold of a none/yeo-johnson search), so the
        // budget goes to a seed ensemble (bag), epochs and weight decay instead.
        add(new Entry<>("mlp", CLASSICAL, InputSettings::featureRows, Mlp::new, cross(cross(cross(grid("bag", "1", "5"), "epochs", List.of("20", "40")),
                "weightDecay", List.of("1e-4", "1e-2")), TRANSFORMS, List.of("yeo-johnson"))));
        // Soft vote of svm, mlp and logreg. Under --tune all five models are candidate members, each tuned on the
        // training fold by its own grid, and the subset to average is chosen on their inner out-of-fold probabilities.
        add(new Entry<>("vote", CLASSICAL, InputSettings::featureRows, (params, seed) -> new SoftVote(params,
                (member, tune) -> tune ? new TunedClassifier<>(classical(member), seed, INNER_FOLDS) : TunedClassifier.untuned(classical(member), seed)),
                List.of(Map.of("tune", "true", "select", "true", "members", "knn,rf,svm,logreg,mlp"))));
    }

    /** A catalogue model for the harness: its default hyper-parameters, or tuned per training fold when {@code tune}. */
    public static <X> Harness.ModelSpec<X> spec(Entry<X> entry, long seed, boolean tune) {
        return new Harness.ModelSpec<>(entry.name(), entry.family(), tune
                ? () -> new TunedClassifier<>(entry, seed, INNER_FOLDS)
                : () -> entry.create(Map.of(), seed));
    }

    private static void add(Entry<double[]> e) {
        CLASSICAL_MODELS.put(e.name(), e);
    }

    /** The classical models in report order: knn, rf, svm, logreg, mlp, vote. */
    public static List<Entry<double[]>> classical() {
        return List.copyOf(CLASSICAL_MODELS.values());
    }

    public static Entry<double[]> classical(String name) {
        Entry<double[]> e = CLASSICAL_MODELS.get(key(name));
        if (e == null) throw new UserException("unknown model '" + name + "' (known: " + String.join(",", CLASSICAL_MODELS.keySet()) + ")");
        return e;
    }

    /** The networks in report order: cnn, vgg, crnn, gtzan-cnn. */
    public static List<Entry<float[]>> deep() {
        return List.copyOf(DEEP_MODELS.values());
    }

    private static boolean isDeep(String name) {
        return DEEP_MODELS.containsKey(key(name));
    }

    private static boolean isClassical(String name) {
        return CLASSICAL_MODELS.containsKey(key(name));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The catalogue entry of any model, classical or deep. */
    public static Entry<?> entry(String name) {
        requireKnown(List.of(name));
        return isDeep(name) ? DEEP_MODELS.get(key(name)) : CLASSICAL_MODELS.get(key(name));
    }

    /**
     * A new unfitted pipeline of model {@code name} at its defaults. {@code networkOptions} ({@code epochs},
     * {@code width}, ...: the command line's network options) apply to a network; a classical model ignores them.
     */
    public static Pipeline<?> pipeline(String name, long seed, InputSettings inputs, Map<String, String> networkOptions) {
        return entry(name).pipeline(isDeep(name) ? networkOptions : Map.of(), seed, inputs);
    }

    /** Those of {@code names} that are classical models (feature rows), in the given order. */
    public static List<String> classicalOf(List<String> names) {
        return names.stream().filter(ModelRegistry::isClassical).toList();
    }

    /** Those of {@code names} that are networks (mel windows), in the given order. */
    public static List<String> deepOf(List<String> names) {
        return names.stream().filter(ModelRegistry::isDeep).toList();
    }

    /** {@code rules} with the input views that {@code names} need. */
    public static InputSettings inputsFor(List<String> names, InputSettings rules) {
        return rules.needing(!classicalOf(names).isEmpty(), !deepOf(names).isEmpty());
    }

    public static Entry<float[]> deep(String name) {
        Entry<float[]> e = DEEP_MODELS.get(key(name));
        if (e == null) throw new UserException("unknown network '" + name + "' (known: " + String.join(",", DEEP_MODELS.keySet()) + ")");
        return e;
    }

    /** Every model name, classical then deep, for help texts and validation. */
    public static List<String> allNames() {
        List<String> names = new java.util.ArrayList<>(CLASSICAL_MODELS.keySet());
        names.addAll(DEEP_MODELS.keySet());
        return names;
    }

    /**
     * Fails with one sentence naming the first unknown model, so a typo in {@code --models} stops the run
     * before any work is done.
     */
    public static void requireKnown(List<String> names) {
        for (String n : names) {
            if (!isClassical(n) && !isDeep(n)) {
                throw new UserException("unknown model '" + n + "' (known: " + String.join(",", allNames()) + ")");
            }
        }
    }

    /**
     * {@code networkOptions} without the options that change none of {@code networks}: those given at the value
     * each network has without them (e.g. {@code --width 8} for cnn, but not for gtzan-cnn, whose width is 16), and
     * all of them when no network runs. The networks are built the same from the result as from the options.
     */
    public static Map<String, String> withoutDefaults(List<String> networks, Map<String, String> networkOptions) {
        if (networks.isEmpty()) return Map.of();
        Map<String, String> kept = new java.util.TreeMap<>(networkOptions);
        for (String option : networkOptions.keySet()) {
            Map<String, String> without = new java.util.TreeMap<>(kept);
            without.remove(option);
            boolean same = networks.stream().allMatch(n -> architecture(n, kept).equals(architecture(n, without)))
                    && deepConfig(kept, 0).equals(deepConfig(without, 0));
            if (same) kept.remove(option);
        }
        return Map.copyOf(kept);
    }

    /**
     * {@link DeepConfig#DEFAULT} with the seed and any of {@code epochs, batchSize, schedule, specAugment, mixup,
     * pitchShift, timeShift} overridden.
     */
    public static DeepConfig deepConfig(Map<String, String> p, long seed) {
        DeepConfig c = DeepConfig.DEFAULT.withSeed(seed);
        if (p.containsKey("epochs")) c = c.withEpochs(Integer.parseInt(p.get("epochs")));
        if (p.containsKey("batchSize")) c = c.withBatchSize(Integer.parseInt(p.get("batchSize")));
        if (p.containsKey("schedule")) c = c.withSchedule(LearningRateSchedule.of(p.get("schedule")));
        Augmentation a = c.augmentation();
        if (p.containsKey("specAugment")) a = a.withSpecAugment(Boolean.parseBoolean(p.get("specAugment")));
        if (p.containsKey("mixup")) a = a.withMixup(Double.parseDouble(p.get("mixup")));
        if (p.containsKey("pitchShift")) a = a.withPitchShift(Double.parseDouble(p.get("pitchShift")));
        if (p.containsKey("timeShift")) a = a.withTimeShift(Boolean.parseBoolean(p.get("timeShift")));
        return c.withAugmentation(a);
    }

    /**
     * The network {@code name} at its default size, with {@code width} (base channel count) and
     * {@code fullResolution} (no 2x2 stem) overridden when given.
     */
    public static NetworkArchitecture architecture(String name, Map<String, String> p) {
        NetworkArchitecture d = NetworkArchitecture.of(name);
        int width = p.containsKey("width") ? Integer.parseInt(p.get("width")) : d.width();
        if (width < 1) throw new UserException("--width must be at least 1, got " + width);
        boolean stem = d.stem() && !Boolean.parseBoolean(p.getOrDefault("fullResolution", "false"));
        return NetworkArchitecture.of(name, width, stem);
    }

    private static List<Map<String, String>> grid(String key, String... values) {
        return java.util.Arrays.stream(values).map(v -> Map.of(key, v)).toList();
    }

    /** Every candidate of {@code grid} combined with every value of {@code key}; the first combination is the default. */
    private static List<Map<String, String>> cross(List<Map<String, String>> grid, String key, List<String> values) {
        return grid.stream().flatMap(g -> values.stream().map(v -> {
            Map<String, String> m = new java.util.TreeMap<>(g);
            m.put(key, v);
            return Map.copyOf(m);
        })).toList();
    }
}
