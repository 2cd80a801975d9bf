package org.genrebench.cli;

import org.genrebench.dataset.AudioDataset;
import org.genrebench.catalog.ModelRegistry;
import org.genrebench.experiment.PreparedAudio;
import org.genrebench.experiment.PreparedDataset;
import org.genrebench.pipeline.InputSettings;
import org.genrebench.pipeline.ModelFile;
import org.genrebench.pipeline.Pipeline;
import org.genrebench.pipeline.TrainedPipeline;
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

    @Option(names = "--model", required = true, paramLabel = "NAME", completionCandidates = ModelNames.class,
            description = "One of ${COMPLETION-CANDIDATES} (`genrebench models` lists them).")
    String model;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--save", required = true, paramLabel = "FILE", description = "Where to write the trained model.")
    Path save;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--cache", defaultValue = "data/cache", paramLabel = "DIR", description = "Feature cache (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Override
    public Integer call() throws IOException {
        String name = OptionChecks.models("--model", List.of(model)).getFirst();
        training.check(List.of(name), false);
        data.required();
        OptionChecks.writableFile("--save", save);
        OptionChecks.notAudio("--save", save);
        PrintWriter out = spec.commandLine().getOut();
        InputSettings rules = training.inputSettings();
        Map<String, String> params = ModelRegistry.overrides(name, training.networkSettings(null),
                training.parameters(List.of(name)).getOrDefault(name, Map.of()));
        Pipeline<?> pipeline = ModelRegistry.pipeline(name, seed, rules, params);
        AudioDataset scan = data.load();
        OptionChecks.notInput("--save", save, data.inputFiles(scan));
        InputSettings settings = ModelRegistry.inputsFor(List.of(name), rules, Map.of(name, params));
        PreparedDataset prepared = PreparedAudio.prepare("train", "audio: " + scan.description(), scan, settings, cache,
                Runtime.getRuntime().availableProcessors(), ConsoleProgress.console(out));
        if (prepared.classNames().size() < 2) throw new UserException(String.join(" + ", data.sources.stream().map(Path::toString).toList()) + " has fewer than two usable genres");

        long start = System.nanoTime();
        pipeline.fit(prepared, prepared.classNames().size());
        ModelFile.write(save, new TrainedPipeline(pipeline, prepared.classNames()));
        out.printf(Locale.ROOT, "trained %s on %d songs (%d %s) in %.1f s; saved %s%n", name, prepared.songIds().size(),
                pipeline.inputCount(prepared), pipeline.view().unitName(), (System.nanoTime() - start) / 1e9, save);
        return prepared.skipped().isEmpty() ? 0 : 1;
    }
}
