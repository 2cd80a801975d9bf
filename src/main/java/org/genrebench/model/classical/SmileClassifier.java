package org.genrebench.model.classical;

import org.genrebench.model.GenreClassifier;
import org.genrebench.model.HyperParameter;
import org.genrebench.model.EstimatorState;
import org.genrebench.dataset.Sample;
import org.genrebench.util.UserException;
import smile.classification.Classifier;
import smile.math.MathEx;

import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Base of the classical models: owns hyper-parameters, seeding and preprocessing. The optional power transform
 * ({@code transform=yeo-johnson}, every model accepts it) and the scaler are fitted inside {@link #fit} on the
 * training rows only, and every input to {@link #predictProba} goes through that same preprocessing.
 */
public abstract class SmileClassifier implements GenreClassifier<double[]>, Serializable {

    /** A trained Smile model, reduced to "standardised rows in, class probabilities out". */
    @FunctionalInterface
    protected interface Predictor extends Serializable {
        double[][] proba(double[][] z);
    }

    private final String name;
    private final Map<String, String> params;
    protected final long seed;
    private PowerTransform power; // null unless transform=yeo-johnson
    private Standardizer scaler;
    private Predictor predictor;

    /** The power transform every classical model accepts, fitted on the training rows before the scaler. */
    public static final HyperParameter TRANSFORM = HyperParameter.choice("transform", "none", List.of("none", "yeo-johnson"),
            "per-column Yeo-Johnson power transform before standardisation");

    /**
     * @param declared  the model's own hyper-parameters ({@link #TRANSFORM} is added)
     * @param overrides values replacing the defaults, each checked against its declaration
     */
    protected SmileClassifier(String name, List<HyperParameter> declared, Map<String, String> overrides, long seed) {
        this.name = name;
        this.params = HyperParameter.resolve(name, withTransform(declared), overrides);
        this.seed = seed;
    }

    /** {@code declared} and {@link #TRANSFORM}: every hyper-parameter a classical model takes. */
    public static List<HyperParameter> withTransform(List<HyperParameter> declared) {
        List<HyperParameter> all = new java.util.ArrayList<>(declared);
        all.add(TRANSFORM);
        return List.copyOf(all);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void fit(List<Sample<double[]>> train, int numClasses) {
        double[][] x = train.stream().map(Sample::input).toArray(double[][]::new);
        int[] y = train.stream().mapToInt(Sample::label).toArray();
        power = param("transform").equals("yeo-johnson") ? PowerTransform.fit(x) : null;
        if (power != null) x = power.transform(x);
        scaler = Standardizer.fit(x);
        // Smile draws from a per-thread generator; seeding it here makes every fit reproducible wherever it runs.
        MathEx.setSeed(seed);
        predictor = train(scaler.transform(x), y, numClasses);
    }

    /** Trains on standardised rows {@code z} with labels in {@code [0, numClasses)}. */
    protected abstract Predictor train(double[][] z, int[] y, int numClasses);

    @Override
    public final double[][] predictProba(List<double[]> inputs) {
        if (predictor == null) throw new IllegalStateException(name + " is not fitted");
        double[][] x = inputs.toArray(double[][]::new);
        return predictor.proba(scaler.transform(power != null ? power.transform(x) : x));
    }

    @Override
    public final Map<String, String> hyperParameters() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public EstimatorState state() throws IOException {
        return EstimatorState.serialized(this);
    }

    /** The scaler fitted by the last {@link #fit} (tests check it saw the training fold only). */
    Standardizer scaler() {
        return scaler;
    }

    protected final String param(String key) {
        return params.get(key);
    }

    protected final int intParam(String key) {
        try {
            return Integer.parseInt(params.get(key));
        } catch (NumberFormatException e) {
            throw new UserException("model " + name + ": " + key + " must be an integer, got '" + params.get(key) + "'");
        }
    }

    protected final double doubleParam(String key) {
        try {
            return Double.parseDouble(params.get(key));
        } catch (NumberFormatException e) {
            throw new UserException("model " + name + ": " + key + " must be a number, got '" + params.get(key) + "'");
        }
    }

    /**
     * Wraps a soft Smile classifier. Smile indexes its posteriors by the classes seen in training, so they are
     * mapped back to {@code [0, numClasses)}; a class missing from the training fold gets probability 0.
     */
    protected static Predictor soft(Classifier<double[]> model, int numClasses) {
        return z -> {
            int[] classes = model.classes();
            double[][] out = new double[z.length][numClasses];
            double[] post = new double[classes.length];
            for (int i = 0; i < z.length; i++) {
                model.predict(z[i], post);
                for (int j = 0; j < classes.length; j++) out[i][classes[j]] = post[j];
            }
            return out;
        };
    }
}
