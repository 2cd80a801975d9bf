package org.genrebench.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every model under the shared song-disjoint harness and writes reports under results/.")
final class CompareCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("'compare' is not implemented yet (issue 4/6).");
        return 3;
    }
}
