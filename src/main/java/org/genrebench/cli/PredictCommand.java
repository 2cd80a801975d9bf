package org.genrebench.cli;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.pipeline.TrainedPipeline;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Prints the most likely genres for audio files using a model saved by `train`.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model written by `train --save`.")
    Path modelFile;

    @Option(names = "--top", defaultValue = "3", paramLabel = "K", description = "Genres listed per file (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "Audio files: WAV, AU, FLAC, Ogg Vorbis or MP3.")
    List<Path> audio;

    @Override
    public Integer call() {
        OptionChecks.readableFile("--model", modelFile);
        OptionChecks.atLeast("--top", top, 1);
        TrainedPipeline model = ModelRegistry.readModelFile(modelFile);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0, damaged = 0;
        for (Path file : audio) {
            try {
                TrainedPipeline.Prediction prediction = model.predict(file);
                double[] p = prediction.probabilities();
                List<String> best = IntStream.range(0, p.length).boxed()
                        .sorted(Comparator.comparingDouble((Integer c) -> -p[c]))
                        .limit(Math.max(1, top))
                        .map(c -> String.format(Locale.ROOT, "%s %.3f", model.classNames().get(c), p[c])).toList();
                out.println(file + ": " + String.join(", ", best));
                if (prediction.damage().isPresent()) {
                    damaged++;
                    out.flush();
                    err.println(file + ": " + prediction.damage().get());
                }
            } catch (UserException e) {
                failed++;
                err.println("skipped: " + e.getMessage());
            }
        }
        out.flush();
        if (failed == audio.size()) throw new UserException("none of the " + audio.size() + " file(s) could be read");
        return failed == 0 && damaged == 0 ? 0 : 1;
    }
}
