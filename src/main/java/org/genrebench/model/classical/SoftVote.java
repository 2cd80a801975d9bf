package org.genrebench.model.classical;

import org.genrebench.model.GenreClassifier;
import org.genrebench.model.ModelStore;
import org.genrebench.model.Sample;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Soft-voting ensemble: the mean of its members' class probabilities (scikit-learn's {@code VotingClassifier(voting=
 * "soft")}). An ordinary model under the {@link GenreClassifier} contract: {@link #fit} sees the training fold only
 * and fits every member on it. With {@code tune=true} each member is first tuned by its own inner song-disjoint CV on
 * that same training fold; {@code members} are given by the caller as a function (name, tune) → unfitted member.
 */
public final class SoftVote implements GenreClassifier<double[]>, Serializable {

    /** Makes an unfitted member: its registry name and whether it tunes itself on the training fold. */
    public interface MemberFactory extends Serializable {
        GenreClassifier<double[]> create(String name, boolean tune);
    }

    private final Map<String, String> params;
    private final transient MemberFactory factory;
    private final transient Function<GenreClassifier<double[]>, GenreClassifier<double[]>> unwrap;
    private final List<GenreClassifier<double[]>> members = new ArrayList<>();
    private final Map<String, String> memberParams = new LinkedHashMap<>(); // "svm.C" → "10", as reported by each member

    /**
     * @param unwrap turns a fitted member into the model to keep (a tuned wrapper into the model it chose), so that the
     *               saved ensemble holds plain fitted models
     */
    public SoftVote(Map<String, String> overrides, MemberFactory factory,
                    Function<GenreClassifier<double[]>, GenreClassifier<double[]>> unwrap) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("members", "svm,mlp,logreg", "tune", "false"));
        for (String key : overrides.keySet()) {
            if (!p.containsKey(key)) {
                throw new org.genrebench.util.UserException("model vote has no hyper-parameter '" + key + "' (known: " + p.keySet() + ")");
            }
        }
        p.putAll(overrides);
        this.params = new java.util.TreeMap<>(p);
        this.factory = factory;
        this.unwrap = unwrap;
    }

    @Override
    public String name() {
        return "vote";
    }

    @Override
    public void fit(List<Sample<double[]>> train, int numClasses) {
        members.clear();
        memberParams.clear();
        boolean tune = Boolean.parseBoolean(params.get("tune"));
        for (String name : params.get("members").split(",")) {
            GenreClassifier<double[]> m = factory.create(name.strip(), tune);
            m.fit(train, numClasses);
            m.hyperParameters().forEach((k, v) -> memberParams.put(m.name() + "." + k, v));
            members.add(unwrap.apply(m));
        }
    }

    @Override
    public double[][] predictProba(List<double[]> inputs) {
        if (members.isEmpty()) throw new IllegalStateException("vote is not fitted");
        double[][] sum = null;
        for (GenreClassifier<double[]> m : members) {
            double[][] p = m.predictProba(inputs);
            if (sum == null) sum = new double[p.length][p.length == 0 ? 0 : p[0].length];
            for (int i = 0; i < p.length; i++) for (int c = 0; c < p[i].length; c++) sum[i][c] += p[i][c] / members.size();
        }
        return sum;
    }

    @Override
    public Map<String, String> hyperParameters() {
        Map<String, String> hp = new LinkedHashMap<>(params);
        hp.putAll(memberParams);
        return hp;
    }

    @Override
    public void save(Path file) throws IOException {
        ModelStore.saveSerial(file, this);
    }

    @Override
    public String toString() {
        return "vote" + Arrays.toString(params.get("members").split(","));
    }
}
