package org.genrebench.model.pretrained;

import org.genrebench.dataset.Sample;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.GenreClassifier;
import org.genrebench.model.HyperParameter;
import org.genrebench.model.classical.Standardizer;
import smile.feature.extraction.PCA;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-trained family's estimator: a frozen embedding's patch rows → standardised → optionally projected on
 * their first principal components → a simple classifier (the probe). Scaler and PCA are fitted on the training
 * fold's rows only, inside {@link #fit}, as the classifier is. The embedding itself (model, layer, patch hop) is the
 * pipeline's input view; this estimator records it among its hyper-parameters so reports and model files say what
 * it was fitted on.
 */
public final class Probe implements GenreClassifier<double[]>, Serializable {

    /** Builds the probe classifier by name ({@code svm}, {@code logreg}, ...) at its defaults. */
    @FunctionalInterface
    public interface Classifiers extends Serializable {
        GenreClassifier<double[]> create(String name, long seed);
    }

    /** The probes a pre-trained model can take; the published musicnn and VGGish baselines use an RBF SVM. */
    public static final List<String> PROBES = List.of("svm", "logreg", "mlp", "knn");

    /** The parameters every pre-trained model takes besides its embedding layer. */
    public static List<HyperParameter> parameters(String defaultLayer, List<String> layers) {
        return List.of(
                HyperParameter.choice("layer", defaultLayer, layers, "the model's feature layer whose values are the embedding"),
                HyperParameter.choice("hop", "3", List.of("3", "1"), "seconds between patch starts (3: no overlap; 1: musicnn's input_overlap=1)"),
                HyperParameter.choice("probe", "svm", PROBES, "the classifier on the embedding"),
                HyperParameter.integer("pca", 0, 0, 4096, "principal components kept before the probe (0: none; published: 128)"));
    }

    private final String name;
    private final Map<String, String> params;
    private final long seed;
    private final transient Classifiers classifiers;
    private Standardizer scaler;
    private PCA pca; // null unless pca > 0
    private GenreClassifier<double[]> probe;

    public Probe(String name, List<HyperParameter> declared, Map<String, String> overrides, long seed, Classifiers classifiers) {
        this.name = name;
        this.params = HyperParameter.resolve(name, declared, overrides);
        this.seed = seed;
        this.classifiers = classifiers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(List<Sample<double[]>> train, int numClasses) {
        double[][] x = train.stream().map(Sample::input).toArray(double[][]::new);
        scaler = Standardizer.fit(x);
        double[][] z = scaler.transform(x);
        int components = Math.min(Integer.parseInt(params.get("pca")), Math.min(z[0].length, z.length - 1));
        pca = components > 0 ? PCA.fit(z).getProjection(components) : null;
        if (pca != null) z = pca.apply(z);
        List<Sample<double[]>> projected = new java.util.ArrayList<>(train.size());
        for (int i = 0; i < z.length; i++) {
            Sample<double[]> s = train.get(i);
            projected.add(new Sample<>(z[i], s.songId(), s.groupId(), s.label()));
        }
        probe = classifiers.create(params.get("probe"), seed);
        probe.fit(projected, numClasses);
    }

    @Override
    public double[][] predictProba(List<double[]> inputs) {
        if (probe == null) throw new IllegalStateException(name + " is not fitted");
        double[][] z = scaler.transform(inputs.toArray(double[][]::new));
        return probe.predictProba(Arrays.asList(pca != null ? pca.apply(z) : z));
    }

    @Override
    public Map<String, String> hyperParameters() {
        Map<String, String> hp = new LinkedHashMap<>(params);
        if (probe != null) probe.hyperParameters().forEach((k, v) -> hp.put(params.get("probe") + "." + k, v));
        return hp;
    }

    @Override
    public EstimatorState state() throws IOException {
        return EstimatorState.serialized(this);
    }
}
