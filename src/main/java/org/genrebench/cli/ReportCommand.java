package org.genrebench.cli;

import org.genrebench.report.CombinedReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Combines result folders written by compare (their summary.csv) into one Markdown table of models × runs",
                "(protocols or datasets) with 95 %% intervals, and a critical-difference diagram across the runs."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", arity = "1..*", description = "Results folders of compare runs, e.g. results/gtzan results/gtzan-chunk-shuffle.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for report.md, summary.csv and cd-diagram.png.")
    Path out;

    @Override
    public Integer call() throws IOException {
        OptionChecks.existing("RESULT_DIR", runs);
        OptionChecks.writableDirectory("--out", out);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        Path report = CombinedReport.write(runs, out, "genrebench " + String.join(" ", args));
        spec.commandLine().getOut().println("Report: " + report);
        return 0;
    }
}
