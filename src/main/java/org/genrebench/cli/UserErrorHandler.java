package org.genrebench.cli;

import org.genrebench.util.UserException;
import picocli.CommandLine;

/**
 * Turns expected failures (bad input, missing folders, ...) into one clear sentence and exit code 2;
 * anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof UserException) {
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        }
        throw new RuntimeException(ex);
    }
}
