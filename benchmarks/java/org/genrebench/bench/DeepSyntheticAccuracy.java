package org.genrebench.bench;

import org.genrebench.dataset.Sample;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.DeepGenreClassifier;
import org.genrebench.model.deep.MelWindowShape;
import org.genrebench.model.deep.NetworkArchitecture;
import org.genrebench.model.deep.SyntheticMel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy of the three networks at full window size (128x130) on a synthetic 10-genre task
 * ({@code SyntheticMel}: class-specific band blob and rhythm under noise), trained and tested on disjoint songs.
 * {@code java ... DeepSyntheticAccuracy [epochs=6] [songs=12] [nets=cnn,vgg,crnn]}
 */
public final class DeepSyntheticAccuracy {
    public static void main(String[] args) {
        int epochs = 6, songs = 12;
        String nets = "cnn,vgg,crnn";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "songs" -> songs = Integer.parseInt(kv[1]);
                case "nets" -> nets = kv[1];
                default -> throw new IllegalArgumentException(a);
            }
        }
        MelWindowShape shape = MelWindowShape.DEFAULT;
        List<Sample<float[]>> train = SyntheticMel.songs(shape, 10, songs, 4, 6.0, 1);
        List<Sample<float[]>> test = SyntheticMel.songs(shape, 10, 5, 4, 6.0, 2);
        DeepConfig config = DeepConfig.DEFAULT.withEpochs(epochs).withBatchSize(32);
        for (String net : nets.split(",")) {
            long t0 = System.nanoTime();
            DeepGenreClassifier model = new DeepGenreClassifier(org.genrebench.catalog.ModelRegistry.architecture(net, java.util.Map.of()), shape, config);
            model.fit(train, 10);
            double[][] p = model.predictProba(test.stream().map(Sample::input).toList());
            System.out.printf("%s: window acc %.3f, song acc (mean prob) %.3f, song acc (majority) %.3f, %d epochs, %.0f s%n",
                    net, windowAccuracy(p, test), songAccuracy(p, test, false), songAccuracy(p, test, true),
                    model.trainingSummary().epochsRun(), (System.nanoTime() - t0) / 1e9);
        }
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
        return best;
    }

    static double windowAccuracy(double[][] p, List<Sample<float[]>> s) {
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (argmax(p[i]) == s.get(i).label()) ok++;
        return (double) ok / p.length;
    }

    /** Song prediction from its windows: mean probability, or majority vote of window argmaxes. */
    static double songAccuracy(double[][] p, List<Sample<float[]>> s, boolean vote) {
        Map<String, double[]> sum = new LinkedHashMap<>();
        Map<String, Integer> label = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            double[] acc = sum.computeIfAbsent(s.get(i).songId(), k -> new double[p[0].length]);
            if (vote) acc[argmax(p[i])] += 1;
            else for (int k = 0; k < acc.length; k++) acc[k] += p[i][k];
            label.put(s.get(i).songId(), s.get(i).label());
        }
        long ok = sum.entrySet().stream().filter(e -> argmax(e.getValue()) == label.get(e.getKey())).count();
        return (double) ok / sum.size();
    }
}
