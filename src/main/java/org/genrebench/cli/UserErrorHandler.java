package org.genrebench.cli;

import org.genrebench.util.UserException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/**
 * The CLI's side of the exit-status contract (0 all good, 1 some inputs skipped, 2 misuse): expected failures — bad
 * options, unreadable or unwritable paths, malformed input — become one {@code error:} line and status 2, whether
 * picocli found them while parsing or a command while running. Anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** Exit status of a misuse: a bad option or input that stops the run before (or instead of) any result. */
    static final int MISUSE = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = userMessage(ex);
        if (message == null) throw new RuntimeException(ex);
        cmd.getErr().println("error: " + message);
        cmd.getErr().flush();
        return MISUSE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String help = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println("error: " + oneLine(withoutClassNames(ex.getMessage())) + " (see '" + help + " --help')");
        cmd.getErr().flush();
        return MISUSE;
    }

    /** The sentence for an expected failure, or null when {@code ex} is a bug. */
    static String userMessage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserException) return oneLine(t.getMessage());
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs) return oneLine(fileSystemMessage(fs));
            if (t instanceof IOException io && !(t.getCause() instanceof IOException)) {
                return oneLine(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
            }
            if (t instanceof UncheckedIOException && t.getCause() == null) return oneLine(t.getMessage());
        }
        return null;
    }

    private static String fileSystemMessage(FileSystemException e) {
        String file = e.getFile() == null ? "" : e.getFile();
        String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
        return (file.isEmpty() ? "" : file + other + ": ") + OptionChecks.reason(e);
    }

    /** picocli quotes a converter's exception as {@code (java.net.URISyntaxException: why)}; users want the why. */
    static String withoutClassNames(String message) {
        if (message == null) return "invalid command line";
        return message.replaceAll("\\s*\\((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ([^()]*)\\)", ": $1")
                .replaceAll("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
