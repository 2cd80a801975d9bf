package org.genrebench.cli;

import org.genrebench.audio.AudioLoader;
import org.genrebench.dataset.synth.SynthConfig;
import org.genrebench.dataset.synth.SynthDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic genre set in GTZAN layout (<out>/genres/<genre>/<genre>.NNNNN.wav).")
final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--genres", defaultValue = "10", description = "How many genres, the first N of GTZAN's ten (default ${DEFAULT-VALUE}).")
    int genres;

    @Option(names = "--per-genre", defaultValue = "100", description = "Tracks per genre (default ${DEFAULT-VALUE}).")
    int perGenre;

    @Option(names = "--seconds", defaultValue = "30", description = "Seconds per track (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives byte-identical files (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--difficulty", defaultValue = "" + SynthConfig.DEFAULT_DIFFICULTY,
            description = "0..1: how much genres borrow from each other and how noisy tracks are (default ${DEFAULT-VALUE}).")
    double difficulty;

    @Override
    public Integer call() throws Exception {
        SynthConfig config = new SynthConfig(genres, perGenre, seconds, seed, difficulty, AudioLoader.DEFAULT_SAMPLE_RATE);
        OptionChecks.writableDirectory("--out", out);
        long start = System.nanoTime();
        List<Path> files = SynthDataset.write(out, config);
        double elapsed = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d tracks (%d genres x %d, %.1f s each) to %s in %.1f s (%.1f tracks/s)%n",
                files.size(), genres, perGenre, seconds, out.resolve("genres"), elapsed, files.size() / elapsed);
        return 0;
    }
}
