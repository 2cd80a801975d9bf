package org.genrebench.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extracts the 58 handcrafted features (community GTZAN schema) to CSV.")
final class ExtractCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("'extract' is not implemented yet (issue 3).");
        return 3;
    }
}
