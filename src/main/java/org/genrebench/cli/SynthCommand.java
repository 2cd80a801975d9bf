package org.genrebench.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic genre set in GTZAN layout.")
final class SynthCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("'synth' is not implemented yet (issue 2).");
        return 3;
    }
}
