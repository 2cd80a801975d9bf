package org.genrebench.cli;

import org.genrebench.dataset.AudioDataset;
import org.genrebench.experiment.AudioPreparation;
import org.genrebench.experiment.PreparedDataset;
import org.genrebench.experiment.TrainedModel;
import org.genrebench.model.GenreClassifier;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains one model on every song of an audio dataset and saves it for `predict`.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "knn, rf, svm, logreg, mlp, cnn, vgg or crnn.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DIR|FILE.csv",
            description = "Audio dataset, repeatable: a folder of <genre>/ folders or a manifest CSV path,label[,group].")
    List<Path> data;

    @Option(names = "--metadata", paramLabel = "FILE",
            description = "FMA's tracks.csv for an FMA audio folder (default: DIR/../fma_metadata/tracks.csv).")
    Path metadata;

    @Option(names = "--save", required = true, paramLabel = "FILE", description = "Where to write the trained model.")
    Path save;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--cache", defaultValue = "data/cache", paramLabel = "DIR", description = "Feature cache (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws IOException {
        String name = OptionChecks.models("--model", java.util.List.of(model)).getFirst();
        training.check();
        OptionChecks.existing("--data", data);
        OptionChecks.writableFile("--save", save);
        boolean deep = ModelRegistry.isDeep(name);
        PrintWriter out = spec.commandLine().getOut();
        AudioDataset scan = AudioDataset.load(data, java.util.Optional.ofNullable(metadata));
        AudioPreparation.Settings settings = AudioDatasets.settings(training.chunkSeconds, !deep, deep);
        PreparedDataset prepared = AudioDatasets.prepare("train", "audio: " + scan.description(), scan, settings, cache,
                Runtime.getRuntime().availableProcessors(), out);
        if (prepared.classNames().size() < 2) throw new UserException(String.join(" + ", data.stream().map(Path::toString).toList()) + " has fewer than two usable genres");

        long start = System.nanoTime();
        GenreClassifier<?> classifier;
        if (deep) {
            GenreClassifier<float[]> net = ModelRegistry.deep(name).create(training.networkSettings(null), seed);
            net.fit(prepared.windows(), prepared.classNames().size());
            classifier = net;
        } else {
            GenreClassifier<double[]> c = ModelRegistry.classical(name).create(Map.of(), seed);
            c.fit(prepared.features(), prepared.classNames().size());
            classifier = c;
        }
        new TrainedModel(name, prepared.classNames(), settings, classifier).save(save);
        out.printf(Locale.ROOT, "trained %s on %d songs (%d %s) in %.1f s; saved %s%n", name, prepared.songIds().size(),
                deep ? prepared.windows().size() : prepared.features().size(), deep ? "mel windows" : "feature rows",
                (System.nanoTime() - start) / 1e9, save);
        return prepared.skipped().isEmpty() ? 0 : 1;
    }
}
