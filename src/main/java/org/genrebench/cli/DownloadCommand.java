package org.genrebench.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads a dataset (gtzan) with checksum verification and resume.")
final class DownloadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("'download' is not implemented yet (issue 2).");
        return 3;
    }
}
