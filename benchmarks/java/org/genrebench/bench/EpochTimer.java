package org.genrebench.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.DeepGenreClassifier;
import org.genrebench.model.deep.MelWindowShape;
import org.genrebench.model.deep.cpu.CpuWorkarounds;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How much of a network's training epoch is not the gradient step, in one process: fits {@code net} at its default
 * settings ({@link DeepConfig#DEFAULT}: batch size, SpecAugment, weight averaging, the validation split and its loss
 * every epoch) for {@code epochs} epochs on {@code windows} random mel windows of 10 classes, 19 windows a song (after
 * an untimed one-epoch fit that warms the JIT and the native kernels up), and
 * then times the bare training step on the same design at the same batch size (median of as many steps as one epoch
 * takes, after two warm-ups), once on one reused batch and once on batches built from Java arrays each step with
 * a short last one, as the trainer feeds them.
 * {@code java ... EpochTimer [net=cnn] [windows=2432] [epochs=4]}
 */
public final class EpochTimer {
    private static final int CLASSES = 10, WINDOWS_PER_SONG = 19;

    public static void main(String[] args) {
        String net = "cnn";
        int windows = 2432, epochs = 4;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "net" -> net = kv[1];
                case "windows" -> windows = Integer.parseInt(kv[1]);
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        MelWindowShape shape = MelWindowShape.DEFAULT;
        DeepConfig config = DeepConfig.DEFAULT.withEpochs(epochs);
        Random rnd = new Random(1);
        List<Sample<float[]>> train = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            int song = i / WINDOWS_PER_SONG, label = song % CLASSES;
            float[] x = new float[shape.length()];
            for (int j = 0; j < x.length; j++) x[j] = (float) (rnd.nextGaussian() + label * 0.1);
            train.add(new Sample<>(x, "song" + song, label));
        }
        var architecture = ModelRegistry.architecture(net, Map.of());
        // one epoch first, untimed, so that the timed fit's epochs carry no JIT or native warm-up
        new DeepGenreClassifier(architecture, shape, config.withEpochs(1)).fit(train, CLASSES);
        DeepGenreClassifier model = new DeepGenreClassifier(architecture, shape, config);
        long t0 = System.nanoTime();
        model.fit(train, CLASSES);
        double fit = (System.nanoTime() - t0) / 1e9;
        int epochsRun = model.trainingSummary().epochsRun();
        int trainWindows = (int) Math.round(windows * (1 - config.validationShare()));
        int steps = (trainWindows + config.batchSize() - 1) / config.batchSize();

        CpuWorkarounds.install(config.threads());
        MultiLayerNetwork bare = new MultiLayerNetwork(architecture.configure(shape, CLASSES, config, CpuWorkarounds.active()));
        bare.init();
        CpuWorkarounds.prepare(bare);
        DataSet batch = BenchNets.batch(net, config.batchSize());
        double[] step = new double[steps];
        for (int i = -2; i < steps; i++) {
            long s0 = System.nanoTime();
            bare.fit(batch);
            if (i >= 0) step[i] = (System.nanoTime() - s0) / 1e9;
        }
        Arrays.sort(step);
        // the same number of steps on batches copied from Java arrays each time, the last one short, as the trainer
        // feeds them (two passes; the second is timed)
        float[] features = batch.getFeatures().data().asFloat(), labels = batch.getLabels().data().asFloat();
        int lastSize = trainWindows - (steps - 1) * config.batchSize();
        double fresh = 0;
        for (int round = 0; round < 2; round++) {
            fresh = 0;
            for (int i = 0; i < steps; i++) {
                DataSet ds = rows(features, labels, batch, i == steps - 1 ? lastSize : config.batchSize());
                long s0 = System.nanoTime();
                bare.fit(ds);
                fresh += (System.nanoTime() - s0) / 1e9;
            }
        }
        double median = step[steps / 2], perEpoch = fit / epochsRun, steps1 = median * steps;
        System.out.printf("%s [%s]: %d windows (about %d training, %d steps of %d an epoch), %d epochs in %.1f s: "
                        + "epoch %.2f s; bare steps %.2f s (median step %.4f s), on fresh batches %.2f s; "
                        + "rest %.2f s = %.0f %% of the epoch%n",
                net, CpuWorkarounds.describe(), windows, trainWindows, steps, config.batchSize(), epochsRun, fit,
                perEpoch, steps1, median, fresh, perEpoch - steps1, 100 * (perEpoch - steps1) / perEpoch);
    }

    /** The first {@code n} examples of {@code batch} as a new batch built from Java arrays. */
    private static DataSet rows(float[] features, float[] labels, DataSet batch, int n) {
        long[] fs = batch.getFeatures().shape().clone(), ls = batch.getLabels().shape().clone();
        int fPer = (int) (features.length / fs[0]), lPer = (int) (labels.length / ls[0]);
        fs[0] = n;
        ls[0] = n;
        return new DataSet(Nd4j.create(Arrays.copyOf(features, fPer * n), fs, 'c'), Nd4j.create(Arrays.copyOf(labels, lPer * n), ls, 'c'));
    }
}
