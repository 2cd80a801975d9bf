package org.genrebench.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains one model on a dataset and saves it.")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("'train' is not implemented yet (issue 6).");
        return 3;
    }
}
