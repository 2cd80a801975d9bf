package org.genrebench.selection;

import org.genrebench.eval.SongAggregator;
import org.genrebench.model.GenreClassifier;
import org.genrebench.model.HyperParameter;
import org.genrebench.model.EstimatorState;
import org.genrebench.dataset.Sample;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Soft-voting ensemble: the mean of its members' class probabilities (scikit-learn's {@code VotingClassifier(voting=
 * "soft")}). An ordinary model under the {@link GenreClassifier} contract: {@link #fit} sees the training fold only
 * and fits every member on it. With {@code tune=true} each member is first tuned by its own inner song-disjoint CV on
 * that same training fold; {@code members} are given by the caller as a function (name, tune) → unfitted member.
 * With {@code select=true} as well (the {@code --tune} setting) the ensemble keeps only the subset of members whose
 * averaged inner out-of-fold probabilities score best on the training fold's songs (ensemble selection, Caruana et
 * al. 2004): the members' own inner CV already produced those probabilities, so choosing costs no extra fit and
 * never looks outside the training fold.
 */
public final class SoftVote implements GenreClassifier<double[]>, Serializable {

    /** Makes an unfitted member: its registry name and whether it tunes itself on the training fold. */
    public interface MemberFactory extends Serializable {
        CrossValidated<double[]> create(String name, boolean tune);
    }

    private final Map<String, String> params;
    private final transient MemberFactory factory;
    private final List<GenreClassifier<double[]>> members = new ArrayList<>();
    private final Map<String, String> memberParams = new LinkedHashMap<>(); // "svm.C" → "10", as reported by each member

    /** The vote's hyper-parameters: which members, and whether they are tuned and selected per training fold. */
    public static final List<HyperParameter> PARAMETERS = List.of(
            new HyperParameter("members", "svm,mlp,logreg", "comma-separated classical model names",
                    v -> v.matches("[a-z]+(,[a-z]+)*"), "the models whose probabilities are averaged"),
            HyperParameter.bool("tune", false, "tune each member by its grid inside the training fold"),
            HyperParameter.bool("select", false, "keep the subset of members whose inner out-of-fold average scores best (needs tune)"));

    public SoftVote(Map<String, String> overrides, MemberFactory factory) {
        this.params = HyperParameter.resolve("vote", PARAMETERS, overrides);
        this.factory = factory;
        if (Boolean.parseBoolean(params.get("select")) && !Boolean.parseBoolean(params.get("tune"))) {
            throw new org.genrebench.util.UserException("model vote: select=true needs tune=true (members are chosen on the"
                    + " out-of-fold probabilities of their own inner CV)");
        }
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
        List<CrossValidated<double[]>> fitted = new ArrayList<>();
        for (String name : params.get("members").split(",")) {
            CrossValidated<double[]> m = factory.create(name.strip(), tune);
            m.fit(train, numClasses);
            fitted.add(m);
        }
        List<Integer> kept = Boolean.parseBoolean(params.get("select"))
                ? select(fitted, train, numClasses) : IntStream.range(0, fitted.size()).boxed().toList();
        for (int i : kept) {
            CrossValidated<double[]> m = fitted.get(i);
            m.hyperParameters().forEach((k, v) -> memberParams.put(m.name() + "." + k, v));
            members.add(m.best()); // the plain estimator, so the saved ensemble holds ordinary fitted models
        }
    }

    /**
     * The non-empty subset of members whose mean out-of-fold probabilities give the best song accuracy on the
     * training fold; ties go to the smaller subset, then to the earlier members.
     */
    private List<Integer> select(List<CrossValidated<double[]>> fitted, List<Sample<double[]>> train, int numClasses) {
        List<double[][]> oof = new ArrayList<>();
        for (CrossValidated<double[]> m : fitted) {
            double[][] p = m.outOfFoldProba();
            if (p == null) throw new IllegalStateException("vote: member " + m.name() + " has no inner out-of-fold probabilities");
            oof.add(p);
        }
        int[] allRows = IntStream.range(0, train.size()).toArray();
        int bestMask = 0;
        double bestAccuracy = -1;
        for (int size = 1; size <= fitted.size(); size++) {
            for (int mask = 1; mask < 1 << fitted.size(); mask++) {
                if (Integer.bitCount(mask) != size) continue;
                double[][] mean = new double[train.size()][numClasses];
                for (int k = 0; k < fitted.size(); k++) {
                    if ((mask >> k & 1) == 0) continue;
                    for (int i = 0; i < mean.length; i++) for (int c = 0; c < numClasses; c++) mean[i][c] += oof.get(k)[i][c] / size;
                }
                double accuracy = SongAggregator.songAccuracy(train, allRows, mean, numClasses);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestMask = mask;
                }
            }
        }
        final int chosen = bestMask;
        List<Integer> kept = IntStream.range(0, fitted.size()).filter(k -> (chosen >> k & 1) == 1).boxed().toList();
        memberParams.put("selected", String.join(",", kept.stream().map(k -> fitted.get(k).name()).toList())
                + String.format(java.util.Locale.ROOT, " of %d by inner out-of-fold song acc %.3f", fitted.size(), bestAccuracy));
        return kept;
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
    public EstimatorState state() throws IOException {
        return EstimatorState.serialized(this);
    }

    @Override
    public String toString() {
        return "vote" + Arrays.toString(members.isEmpty() ? params.get("members").split(",") : members.stream().map(GenreClassifier::name).toArray());
    }
}
