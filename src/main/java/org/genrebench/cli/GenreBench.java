package org.genrebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: a thin picocli layer; every command delegates to the library packages. */
@Command(name = "genrebench",
        mixinStandardHelpOptions = true,
        versionProvider = GenreBench.BuildVersion.class,
        description = "Handcrafted features + classical ML versus deep learning on spectrograms, for music genre classification.",
        subcommands = {
                CompareCommand.class,
                ReportCommand.class,
                ExtractCommand.class,
                TrainCommand.class,
                ModelsCommand.class,
                PredictCommand.class,
                SynthCommand.class,
                DownloadCommand.class,
                CommandLine.HelpCommand.class
        })
public final class GenreBench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --version}: the version the build recorded, as model files record it. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"GenreBench " + org.genrebench.util.Version.genreBench()};
        }
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) System.exit(code);
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new GenreBench());
        UserErrorHandler errors = new UserErrorHandler();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        return cl;
    }
}
