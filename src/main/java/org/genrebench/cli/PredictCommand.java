package org.genrebench.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Prints the most likely genres for audio files using a saved model.")
final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("'predict' is not implemented yet (issue 6).");
        return 3;
    }
}
