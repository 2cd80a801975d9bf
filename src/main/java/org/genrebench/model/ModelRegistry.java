package org.genrebench.model;

import org.genrebench.model.classical.Knn;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.DeepGenreClassifier;
import org.genrebench.model.classical.LogReg;
import org.genrebench.model.classical.Mlp;
import org.genrebench.model.classical.RandomForestModel;
import org.genrebench.model.classical.SvmRbf;
import org.genrebench.util.UserException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Model names on the command line mapped to constructors, plus each model's small tuning grid.
 * Deep models ({@code cnn, vgg, crnn}, inputs {@code float[]}) get their own list beside {@link #classical()}.
 */
public final class ModelRegistry {
    private ModelRegistry() {
    }

    public static final String CLASSICAL = "classical";
    public static final String DEEP = "deep";

    /**
     * @param family  {@link #CLASSICAL} or {@link #DEEP}
     * @param factory (hyper-parameter overrides, seed) → a new unfitted model
     * @param grid    candidate overrides for {@code --tune}; the first is the default
     */
    public record Entry<X>(String name, String family, BiFunction<Map<String, String>, Long, GenreClassifier<X>> factory,
                           List<Map<String, String>> grid) {
        public GenreClassifier<X> create(Map<String, String> params, long seed) {
            return factory.apply(params, seed);
        }
    }

    private static final Map<String, Entry<double[]>> CLASSICAL_MODELS = new LinkedHashMap<>();
    private static final Map<String, Entry<float[]>> DEEP_MODELS = new LinkedHashMap<>();

    static {
        // Networks are not grid-searched (one configuration each); their knobs come from DeepConfig.
        DEEP_MODELS.put("cnn", new Entry<>("cnn", DEEP, (p, seed) -> DeepGenreClassifier.cnn(deepConfig(p, seed)), List.of(Map.of())));
        DEEP_MODELS.put("vgg", new Entry<>("vgg", DEEP, (p, seed) -> DeepGenreClassifier.vgg(deepConfig(p, seed)), List.of(Map.of())));
        DEEP_MODELS.put("crnn", new Entry<>("crnn", DEEP, (p, seed) -> DeepGenreClassifier.crnn(deepConfig(p, seed)), List.of(Map.of())));
    }

    static {
        add(new Entry<>("knn", CLASSICAL, Knn::new, grid("k", "5", "1", "3", "7", "9", "15")));
        add(new Entry<>("rf", CLASSICAL, RandomForestModel::new, grid("mtry", "sqrt", "3", "14")));
        add(new Entry<>("svm", CLASSICAL, SvmRbf::new, cross("C", List.of("10", "1", "100"), "gamma", List.of("scale", "0.005", "0.05"))));
        add(new Entry<>("logreg", CLASSICAL, LogReg::new, grid("lambda", "1.0", "0.1", "10", "100")));
        add(new Entry<>("mlp", CLASSICAL, Mlp::new, grid("weightDecay", "1e-4", "1e-3", "1e-2")));
    }

    private static void add(Entry<double[]> e) {
        CLASSICAL_MODELS.put(e.name(), e);
    }

    /** The classical models in report order: knn, rf, svm, logreg, mlp. */
    public static List<Entry<double[]>> classical() {
        return List.copyOf(CLASSICAL_MODELS.values());
    }

    public static Entry<double[]> classical(String name) {
        Entry<double[]> e = CLASSICAL_MODELS.get(name.strip().toLowerCase(java.util.Locale.ROOT));
        if (e == null) throw new UserException("unknown model '" + name + "' (known: " + String.join(",", CLASSICAL_MODELS.keySet()) + ")");
        return e;
    }

    /** The networks in report order: cnn, vgg, crnn. */
    public static List<Entry<float[]>> deep() {
        return List.copyOf(DEEP_MODELS.values());
    }

    public static boolean isDeep(String name) {
        return DEEP_MODELS.containsKey(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static boolean isClassical(String name) {
        return CLASSICAL_MODELS.containsKey(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public static Entry<float[]> deep(String name) {
        Entry<float[]> e = DEEP_MODELS.get(name.strip().toLowerCase(java.util.Locale.ROOT));
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

    /** {@link DeepConfig#DEFAULT} with the seed and any of {@code epochs, batchSize, specAugment, threads} overridden. */
    public static DeepConfig deepConfig(Map<String, String> p, long seed) {
        DeepConfig c = DeepConfig.DEFAULT.withSeed(seed);
        if (p.containsKey("epochs")) c = c.withEpochs(Integer.parseInt(p.get("epochs")));
        if (p.containsKey("batchSize")) c = c.withBatchSize(Integer.parseInt(p.get("batchSize")));
        if (p.containsKey("specAugment")) c = c.withSpecAugment(Boolean.parseBoolean(p.get("specAugment")));
        return c;
    }

    private static List<Map<String, String>> grid(String key, String... values) {
        return java.util.Arrays.stream(values).map(v -> Map.of(key, v)).toList();
    }

    private static List<Map<String, String>> cross(String k1, List<String> v1, String k2, List<String> v2) {
        return v1.stream().flatMap(a -> v2.stream().map(b -> Map.of(k1, a, k2, b))).toList();
    }
}
