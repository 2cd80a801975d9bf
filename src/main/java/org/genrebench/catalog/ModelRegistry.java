package org.genrebench.catalog;

import org.genrebench.eval.Harness;
import org.genrebench.model.Family;
import org.genrebench.model.GenreClassifier;
import org.genrebench.model.HyperParameter;
import org.genrebench.model.classical.Knn;
import org.genrebench.model.classical.LogReg;
import org.genrebench.model.classical.Mlp;
import org.genrebench.model.classical.RandomForestModel;
import org.genrebench.model.classical.SmileClassifier;
import org.genrebench.model.classical.SvmRbf;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.deep.Augmentation;
import org.genrebench.model.deep.Crnn;
import org.genrebench.model.deep.DeepGenreClassifier;
import org.genrebench.model.deep.GtzanKerasCnn;
import org.genrebench.model.deep.LearningRateSchedule;
import org.genrebench.model.deep.MelCnn;
import org.genrebench.model.deep.VggLike;
import org.genrebench.model.deep.NetworkArchitecture;
import org.genrebench.model.deep.NetworkParameters;
import org.genrebench.model.pretrained.FineTunedMusicnn;
import org.genrebench.model.pretrained.MusicnnWeights;
import org.genrebench.model.pretrained.Probe;
import org.genrebench.pipeline.Embeddings;
import org.genrebench.pipeline.EmbeddingPatches;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.pipeline.InputView;
import org.genrebench.pipeline.ModelFile;
import org.genrebench.pipeline.Pipeline;
import org.genrebench.pipeline.TrainedPipeline;
import org.genrebench.selection.SoftVote;
import org.genrebench.selection.Tunable;
import org.genrebench.selection.TunedClassifier;
import org.genrebench.selection.TuningChoices;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The model catalogue: every model GenreBench knows, each declared once below with its family, input view, typed
 * hyper-parameters, tuning grid and constructor. The command line's model lists, defaults and help, the report's
 * grouping and the model-file reader all read these declarations; adding a model is one class and one
 * {@code declare(...)} line.
 */
public final class ModelRegistry {
    private ModelRegistry() {
    }

    /**
     * One declared model.
     *
     * @param family     which of the three ways of doing the task it is
     * @param summary    one line for help texts
     * @param inDefaults whether {@code compare} runs it when {@code --models} is not given
     * @param view       its input view under given input rules
     * @param parameters its typed hyper-parameters; values given for it are checked against these
     * @param factory    (hyper-parameter overrides, seed, the run's tuning choices) → a new unfitted model
     * @param grid       candidate overrides for {@code --tune}; the first is the default
     * @param reader     how a saved state becomes the estimator again (model files); Java deserialisation unless given
     */
    public record Entry<X>(String name, Family family, String summary, boolean inDefaults,
                           BiFunction<InputSettings, Map<String, String>, InputView<X>> view, List<HyperParameter> parameters,
                           Factory<X> factory, List<Map<String, String>> grid, StateReader reader) implements Tunable<X> {
        public Entry {
            parameters = List.copyOf(parameters);
            grid = List.copyOf(grid);
            for (Map<String, String> candidate : grid) HyperParameter.resolve(name, parameters, candidate);
        }

        /** A model whose state is its Java-serialised self (the Smile-based models, the vote, the probes). */
        public Entry(String name, Family family, String summary, boolean inDefaults,
                     BiFunction<InputSettings, Map<String, String>, InputView<X>> view, List<HyperParameter> parameters,
                     Factory<X> factory, List<Map<String, String>> grid) {
            this(name, family, summary, inDefaults, view, parameters, factory, grid, JAVA_SERIAL);
        }

        @Override
        public GenreClassifier<X> create(Map<String, String> params, long seed, TuningChoices choices) {
            return factory.create(params, seed, choices);
        }

        /** A new unfitted model that shares no tuning search with any other (one fit: {@code train}, tests). */
        public GenreClassifier<X> create(Map<String, String> params, long seed) {
            return create(params, seed, new TuningChoices());
        }

        /** {@code params} checked against this model's declaration: unknown keys and bad values are one sentence. */
        public Map<String, String> check(Map<String, String> params) {
            HyperParameter.resolve(name, parameters, params);
            return Map.copyOf(params);
        }

        /** A new unfitted pipeline: this model's view of the input rules, then the estimator. */
        public Pipeline<X> pipeline(Map<String, String> params, long seed, InputSettings inputs) {
            return new Pipeline<>(name, view(inputs, params), create(params, seed));
        }

        /** The input view of this model with {@code params} (a pre-trained model's layer and hop are parameters). */
        public InputView<X> view(InputSettings inputs, Map<String, String> params) {
            return view.apply(inputs, params);
        }
    }

    /** Builds a model from its hyper-parameter overrides and seed; only a model that tunes others reads {@code choices}. */
    @FunctionalInterface
    public interface Factory<X> {
        GenreClassifier<X> create(Map<String, String> params, long seed, TuningChoices choices);

        /** A model that tunes nothing itself. */
        static <X> Factory<X> of(BiFunction<Map<String, String>, Long, GenreClassifier<X>> constructor) {
            return (params, seed, choices) -> constructor.apply(params, seed);
        }
    }

    /** Reads an estimator back from its saved state. */
    @FunctionalInterface
    public interface StateReader {
        GenreClassifier<?> read(EstimatorState state) throws IOException;
    }

    private static final StateReader JAVA_SERIAL = state -> {
        if (!EstimatorState.JAVA_SERIAL.equals(state.storage())) throw new IOException("unknown estimator storage '" + state.storage() + "'");
        return state.deserialize();
    };

    private static final Map<String, Entry<?>> MODELS = new LinkedHashMap<>();
    /** The networks' designs, by name, for reading their model files back. */
    private static final Map<String, NetworkArchitecture.Design> DESIGNS = new LinkedHashMap<>();
    private static final BiFunction<InputSettings, Map<String, String>, InputView<double[]>> FEATURE_ROWS = (s, p) -> s.featureRows();

    /** Inner song-disjoint folds of {@code --tune}. */
    public static final int INNER_FOLDS = 5;
    private static final String TRANSFORMS = "transform";
    private static final List<String> NONE_YJ = List.of("none", "yeo-johnson");
    private static final List<String> MUSICNN_LAYERS = List.of("max_pool", "mean_pool", "penultimate", "taggram");
    private static final List<String> VGG_LAYERS = List.of("pool5", "taggram");

    static {
        // Classical models on the 58 features, in report order.
        declare(new Entry<>("knn", Family.CLASSICAL, "k-nearest neighbours", true, FEATURE_ROWS,
                SmileClassifier.withTransform(Knn.PARAMETERS), Factory.of(Knn::new),
                cross(grid("k", "5", "1", "3", "7", "9", "15"), TRANSFORMS, NONE_YJ)));
        declare(new Entry<>("rf", Family.CLASSICAL, "random forest, 500 trees", true, FEATURE_ROWS,
                SmileClassifier.withTransform(RandomForestModel.PARAMETERS), Factory.of(RandomForestModel::new),
                grid("mtry", "sqrt", "3", "14"))); // trees ignore monotone transforms
        declare(new Entry<>("svm", Family.CLASSICAL, "RBF support vector machine", true, FEATURE_ROWS,
                SmileClassifier.withTransform(SvmRbf.PARAMETERS), Factory.of(SvmRbf::new),
                cross(cross(grid("C", "10", "1", "3", "30", "100"), "gamma", List.of("scale", "scale*0.25", "scale*0.5", "scale*2")),
                        TRANSFORMS, NONE_YJ)));
        declare(new Entry<>("logreg", Family.CLASSICAL, "multinomial logistic regression", true, FEATURE_ROWS,
                SmileClassifier.withTransform(LogReg.PARAMETERS), Factory.of(LogReg::new),
                cross(grid("lambda", "1.0", "0.1", "0.3", "3", "10", "30"), TRANSFORMS, NONE_YJ)));
        // mlp: Yeo-Johnson always (the inner CV chose it on every training fold of a none/yeo-johnson search), so the
        // budget goes to a seed ensemble (bag), epochs and weight decay instead.
        declare(new Entry<>("mlp", Family.CLASSICAL, "multi-layer perceptron (256, 128)", true, FEATURE_ROWS,
                SmileClassifier.withTransform(Mlp.PARAMETERS), Factory.of(Mlp::new),
                cross(cross(cross(grid("bag", "1", "5"), "epochs", List.of("20", "40")), "weightDecay", List.of("1e-4", "1e-2")),
                        TRANSFORMS, List.of("yeo-johnson"))));
        // Soft vote of svm, mlp and logreg. Under --tune every classical model declared above is a candidate member, each
        // tuned on the training fold by its own grid, and the subset to average is chosen on their inner out-of-fold
        // probabilities.
        String everyClassical = String.join(",", of(Family.CLASSICAL).stream().map(Entry::name).toList());
        declare(new Entry<>("vote", Family.CLASSICAL, "soft vote of classical models", false, FEATURE_ROWS,
                SoftVote.PARAMETERS, (params, seed, choices) -> new SoftVote(params, (member, tune) -> tune
                        ? new TunedClassifier<>(classical(member), seed, INNER_FOLDS, choices)
                        : TunedClassifier.atDefaults(classical(member), seed, choices)),
                List.of(Map.of("tune", "true", "select", "true", "members", everyClassical))));

        // Networks trained from scratch on log-mel windows. They are not grid-searched (one configuration each).
        network(MelCnn.DESIGN, "4-block CNN", true);
        network(VggLike.DESIGN, "VGG-like CNN, 8 convolutions", true);
        network(Crnn.DESIGN, "CNN + LSTM", true);
        // A published GTZAN network's size, ~30x cnn's cost.
        network(GtzanKerasCnn.DESIGN, "gtzan.keras 2-D CNN at its published width", false);

        // Pre-trained musicnn models (Pons & Serra 2019), frozen, with a probe on a feature layer. max_pool is the layer
        // of the published GTZAN transfer baseline (Pons & Favory); pool5 is vgg's last pooled layer.
        pretrained("msd-musicnn", "musicnn trained on the Million Song Dataset", "max_pool", MUSICNN_LAYERS, true);
        pretrained("mtt-musicnn", "musicnn trained on MagnaTagATune", "max_pool", MUSICNN_LAYERS, false);
        pretrained("msd-vgg", "VGG tagger trained on the Million Song Dataset", "pool5", VGG_LAYERS, false);
        pretrained("mtt-vgg", "VGG tagger trained on MagnaTagATune", "pool5", VGG_LAYERS, false);
        // MSD_musicnn fine-tuned end to end with a new softmax head on its musicnn input patches; opt-in (costly).
        declare(new Entry<>("msd-musicnn-ft", Family.PRETRAINED, "musicnn (MSD) fine-tuned end to end with a new head", false,
                (s, p) -> new EmbeddingPatches("msd-musicnn", Embeddings.INPUT,
                        Integer.parseInt(HyperParameter.resolve("msd-musicnn-ft", FineTunedMusicnn.PARAMETERS, p).get("hop"))),
                FineTunedMusicnn.PARAMETERS, Factory.of((p, seed) -> new FineTunedMusicnn("msd-musicnn-ft", MusicnnWeights.MSD_MUSICNN, p, seed)),
                List.of(Map.of()), FineTunedMusicnn::restore));
    }

    private static void pretrained(String name, String summary, String defaultLayer, List<String> layers, boolean inDefaults) {
        List<HyperParameter> parameters = Probe.parameters(defaultLayer, layers);
        declare(new Entry<>(name, Family.PRETRAINED, summary + ", frozen, with a probe", inDefaults,
                (s, p) -> {
                    Map<String, String> values = HyperParameter.resolve(name, parameters, p);
                    return new EmbeddingPatches(name, values.get("layer"), Integer.parseInt(values.get("hop")));
                },
                parameters, Factory.of((p, seed) -> new Probe(name, parameters, p, seed, (probe, s) -> classical(probe).create(Map.of(), s))),
                List.of(Map.of())));
    }

    private static void network(NetworkArchitecture.Design design, String summary, boolean inDefaults) {
        DESIGNS.put(design.name(), design);
        declare(new Entry<>(design.name(), Family.FROM_SCRATCH, summary, inDefaults, (s, p) -> s.melWindows(), NetworkParameters.of(design),
                Factory.of((p, seed) -> NetworkParameters.create(design, p, seed)), List.of(Map.of()), state -> DeepGenreClassifier.restore(state, design)));
    }

    /** The estimator of model {@code model} from its stored state, read as that model's declaration says. */
    public static GenreClassifier<?> restore(String model, EstimatorState state) throws IOException {
        if (!MODELS.containsKey(key(model))) throw new IOException("'" + model + "' is not a model of this GenreBench");
        return MODELS.get(key(model)).reader().read(state);
    }

    /** A model file written by {@code train}, read back with the catalogue's {@link #restore}. */
    public static TrainedPipeline readModelFile(java.nio.file.Path file) {
        return ModelFile.read(file, ModelRegistry::restore);
    }

    private static void declare(Entry<?> e) {
        if (MODELS.putIfAbsent(e.name(), e) != null) throw new IllegalStateException("model " + e.name() + " declared twice");
    }

    /** Every declared model, in report order. */
    public static List<Entry<?>> all() {
        return List.copyOf(MODELS.values());
    }

    /** What {@code compare} runs when {@code --models} is not given. */
    public static List<String> defaultNames() {
        return MODELS.values().stream().filter(Entry::inDefaults).map(Entry::name).toList();
    }

    /** Every model name, in report order, for help texts and validation. */
    public static List<String> allNames() {
        return List.copyOf(MODELS.keySet());
    }

    /** The classifiers a pre-trained model can take as its probe. */
    public static List<String> probeNames() {
        return Probe.PROBES;
    }

    /** The entries of one family, in report order. */
    public static List<Entry<?>> of(Family family) {
        return MODELS.values().stream().filter(e -> e.family() == family).toList();
    }

    /** The classical models in report order: knn, rf, svm, logreg, mlp, vote. */
    @SuppressWarnings("unchecked")
    public static List<Entry<double[]>> classical() {
        return of(Family.CLASSICAL).stream().map(e -> (Entry<double[]>) e).toList();
    }

    public static Entry<double[]> classical(String name) {
        return typed(name, Family.CLASSICAL, "classical model");
    }

    /** The networks in report order: cnn, vgg, crnn, gtzan-cnn. */
    @SuppressWarnings("unchecked")
    public static List<Entry<float[]>> deep() {
        return of(Family.FROM_SCRATCH).stream().map(e -> (Entry<float[]>) e).toList();
    }

    public static Entry<float[]> deep(String name) {
        return typed(name, Family.FROM_SCRATCH, "network");
    }

    @SuppressWarnings("unchecked")
    private static <X> Entry<X> typed(String name, Family family, String what) {
        Entry<?> e = MODELS.get(key(name));
        if (e == null || e.family() != family) {
            throw new UserException("unknown " + what + " '" + name + "' (known: " + String.join(",", of(family).stream().map(Entry::name).toList()) + ")");
        }
        return (Entry<X>) e;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The catalogue entry of any model. */
    public static Entry<?> entry(String name) {
        requireKnown(List.of(name));
        return MODELS.get(key(name));
    }

    /** A catalogue model for the harness: its default hyper-parameters, or tuned per training fold when {@code tune}. */
    public static <X> Harness.ModelSpec<X> spec(Entry<X> entry, long seed, boolean tune) {
        return spec(entry, seed, tune, Map.of(), new TuningChoices());
    }

    /**
     * A catalogue model for the harness with {@code params} overriding its defaults, or tuned per training fold when
     * {@code tune} and the model has a grid to search; its searches go into, and are reused from, the run's
     * {@code choices}.
     */
    public static <X> Harness.ModelSpec<X> spec(Entry<X> entry, long seed, boolean tune, Map<String, String> params, TuningChoices choices) {
        return new Harness.ModelSpec<>(entry.name(), entry.family().id(), tune && tunable(entry)
                ? () -> new TunedClassifier<>(entry, seed, INNER_FOLDS, choices)
                : () -> entry.create(params, seed, choices));
    }

    /** Whether {@code --tune} searches anything for this model (the networks have one configuration). */
    public static boolean tunable(Entry<?> entry) {
        return !entry.grid().equals(List.of(Map.of()));
    }

    /**
     * The hyper-parameter overrides of model {@code name}: the network options ({@code epochs}, {@code width}, ...)
     * when it is a network, then its own {@code --param} settings.
     */
    public static Map<String, String> overrides(String name, Map<String, String> networkOptions, Map<String, String> own) {
        Map<String, String> p = new TreeMap<>();
        if (entry(name).family() == Family.FROM_SCRATCH) p.putAll(networkOptions);
        p.putAll(own);
        return p;
    }

    /** A new unfitted pipeline of model {@code name} with {@code params} overriding its defaults. */
    public static Pipeline<?> pipeline(String name, long seed, InputSettings inputs, Map<String, String> params) {
        return entry(name).pipeline(params, seed, inputs);
    }

    /** Those of {@code names} that are classical models (feature rows), in the given order. */
    public static List<String> classicalOf(List<String> names) {
        return ofFamily(names, Family.CLASSICAL);
    }

    /** Those of {@code names} that are networks (mel windows), in the given order. */
    public static List<String> deepOf(List<String> names) {
        return ofFamily(names, Family.FROM_SCRATCH);
    }

    /** Those of {@code names} that belong to {@code family}, in the given order. */
    public static List<String> ofFamily(List<String> names, Family family) {
        return names.stream().filter(n -> MODELS.containsKey(key(n)) && MODELS.get(key(n)).family() == family).toList();
    }

    /**
     * {@code rules} with the input views that {@code names} need, each model with its {@code params}. A pre-trained
     * model's file is loaded here, so a missing one stops the run before any work, naming the command that fetches it.
     */
    public static InputSettings inputsFor(List<String> names, InputSettings rules, Map<String, Map<String, String>> params) {
        List<EmbeddingPatches> embeddings = ofFamily(names, Family.PRETRAINED).stream()
                .map(n -> (EmbeddingPatches) entry(n).view(rules, params.getOrDefault(key(n), Map.of()))).distinct().toList();
        embeddings.forEach(EmbeddingPatches::requireModel);
        return rules.needing(!classicalOf(names).isEmpty(), !deepOf(names).isEmpty(), embeddings);
    }

    /**
     * Fails with one sentence naming the first unknown model, so a typo in {@code --models} stops the run
     * before any work is done.
     */
    public static void requireKnown(List<String> names) {
        for (String n : names) {
            if (!MODELS.containsKey(key(n))) {
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
                    && NetworkParameters.config(kept, 0).equals(NetworkParameters.config(without, 0));
            if (same) kept.remove(option);
        }
        return Map.copyOf(kept);
    }

    /**
     * Per-model hyper-parameters from {@code --param MODEL.KEY=VALUE} settings, each checked against its model's
     * declaration (unknown model, unknown key, bad value: one sentence). {@code models} are the run's models: a
     * setting for a model that does not run is a mistake too.
     */
    public static Map<String, Map<String, String>> parameters(List<String> settings, List<String> models) {
        Map<String, Map<String, String>> byModel = new TreeMap<>();
        for (String s : settings) {
            int dot = s.indexOf('.'), eq = s.indexOf('=');
            if (dot < 1 || eq < dot + 2) {
                throw new UserException("--param must be MODEL.KEY=VALUE (e.g. svm.C=3), got '" + s + "'");
            }
            String model = key(s.substring(0, dot));
            Entry<?> e = entry(model);
            if (!models.contains(model)) {
                throw new UserException("--param " + s + " sets a model that does not run (models: " + String.join(",", models) + ")");
            }
            String k = s.substring(dot + 1, eq).strip(), value = s.substring(eq + 1).strip();
            Map<String, String> p = byModel.computeIfAbsent(model, m -> new TreeMap<>());
            if (p.put(k, value) != null) throw new UserException("--param sets " + model + "." + k + " twice");
            e.check(p);
        }
        return byModel;
    }

    /** Help text: every model with its family, summary and whether it runs by default. */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Family f : Family.values()) {
            List<Entry<?>> es = of(f);
            if (es.isEmpty()) continue;
            lines.add(f.description() + ":");
            for (Entry<?> e : es) {
                lines.add(String.format(Locale.ROOT, "  %-12s %s%s; parameters: %s", e.name(), e.summary(), e.inDefaults() ? "" : " (opt-in)",
                        String.join(", ", e.parameters().stream().map(p -> p.key() + "=" + p.defaultValue()).toList())));
            }
        }
        return lines;
    }

    /** The largest pitch shift, in semitones, the networks' training takes ({@code --pitch-shift}). */
    public static final double MAX_PITCH_SHIFT = Augmentation.MAX_PITCH_SHIFT;

    /** The id of the networks' learning-rate schedule called {@code name}; an unknown name fails, naming the known ones. */
    public static String scheduleId(String name) {
        return LearningRateSchedule.of(name).id();
    }

    /** The network {@code name}'s architecture with {@code width}/{@code fullResolution} applied (tests, benchmarks). */
    public static NetworkArchitecture architecture(String name, Map<String, String> p) {
        deep(name).check(p);
        return NetworkParameters.architecture(DESIGNS.get(key(name)), p);
    }

    private static List<Map<String, String>> grid(String key, String... values) {
        return Arrays.stream(values).map(v -> Map.of(key, v)).toList();
    }

    /** Every candidate of {@code grid} combined with every value of {@code key}; the first combination is the default. */
    private static List<Map<String, String>> cross(List<Map<String, String>> grid, String key, List<String> values) {
        return grid.stream().flatMap(g -> values.stream().map(v -> {
            Map<String, String> m = new TreeMap<>(g);
            m.put(key, v);
            return Map.copyOf(m);
        })).toList();
    }
}
