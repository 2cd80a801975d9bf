package org.genrebench.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.genrebench.dataset.FeatureTable;
import org.genrebench.eval.FoldResult;
import org.genrebench.eval.Harness;
import org.genrebench.eval.ModelResult;
import org.genrebench.eval.RunResult;
import org.genrebench.model.ModelRegistry;
import org.genrebench.model.Sample;
import org.genrebench.report.PredictionFiles;
import org.genrebench.report.Reporter;
import org.genrebench.split.FaultFilteredSplit;
import org.genrebench.split.Fold;
import org.genrebench.split.StratifiedGroupKFold;
import org.genrebench.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every model under the shared song-disjoint harness and writes reports under results/.")
final class CompareCommand implements Callable<Integer> {

    enum SplitKind { kfold, fault_filtered }

    @Spec
    CommandSpec spec;

    @Option(names = "--features-csv", paramLabel = "FILE", required = true,
            description = "Community GTZAN feature table (features_30_sec.csv or features_3_sec.csv).")
    Path featuresCsv;

    @Option(names = "--models", split = ",", paramLabel = "NAMES", defaultValue = "knn,rf,svm,logreg,mlp",
            description = "Comma-separated models (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--folds", defaultValue = "5", description = "Song-disjoint stratified folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of folds and models (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tune", description = "Grid-search hyper-parameters by inner song-disjoint CV in each training fold.")
    boolean tune;

    @Option(names = "--split", defaultValue = "kfold", paramLabel = "kfold|fault-filtered",
            converter = SplitConverter.class, description = "Evaluation protocol (default: kfold).")
    SplitKind split;

    @Option(names = "--splits-dir", defaultValue = "data/splits", paramLabel = "DIR",
            description = "Folder of the fault-filtered lists (default: ${DEFAULT-VALUE}).")
    Path splitsDir;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Name of the results folder (default: from the CSV name).")
    String dataset;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", description = "Reuse folds already finished under the results folder (same data, folds and seed).")
    boolean resume;

    @Option(names = "--threads", paramLabel = "N", description = "Model/fold pairs trained at once (default: CPU cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        FeatureTable table = FeatureTable.read(featuresCsv);
        List<Sample<double[]>> samples = table.samples();
        List<String> classes = table.classNames();
        String name = dataset != null ? dataset : datasetName(featuresCsv);
        if (tune) name += "-tuned";
        if (split == SplitKind.fault_filtered) name += "-fault-filtered";

        List<Fold> foldList;
        String protocol;
        if (split == SplitKind.fault_filtered) {
            foldList = List.of(FaultFilteredSplit.read(splitsDir).fold(samples.stream().map(Sample::songId).toList()));
            protocol = "fault-filtered split (train+valid → test)";
        } else {
            foldList = new StratifiedGroupKFold(folds, seed)
                    .split(samples.stream().map(Sample::groupId).toList(), samples.stream().mapToInt(Sample::label).toArray());
            protocol = folds + "-fold stratified song-disjoint CV";
        }
        if (tune) protocol += ", tuned by inner 3-fold song CV";

        List<Harness.ModelSpec<double[]>> specs = models.stream()
                .map(m -> Harness.ModelSpec.of(ModelRegistry.classical(m), seed, tune)).toList();
        Path runDir = Reporter.runDir(out, name);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Harness<double[]> harness = new Harness<>(samples, classes, workers, new PredictionFiles(runDir, classes, resume));

        stdout.printf(Locale.ROOT, "%s: %d rows, %d songs, %d classes, %d features; %s; %d models%n", featuresCsv,
                samples.size(), samples.stream().map(Sample::songId).distinct().count(), classes.size(),
                table.featureNames().size(), protocol, specs.size());
        stdout.flush();
        RunResult run;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("compare").setInitialMax((long) specs.size() * foldList.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            run = harness.run(new Harness.RunInfo(name, protocol, seed, commandLine()), specs, foldList, new Harness.Listener() {
                @Override
                public void foldDone(FoldResult result, boolean fromCache) {
                    bar.step();
                    bar.setExtraMessage(result.model() + " fold " + result.fold());
                }

                @Override
                public void modelDone(ModelResult m) {
                    stdout.printf(Locale.ROOT, "%n%-7s song acc %.3f ± %.3f  macro-F1 %.3f ± %.3f  fit %.2f s  %,.0f items/s%n",
                            m.name(), m.accuracyMean(), m.accuracyStd(), m.macroF1Mean(), m.macroF1Std(), m.fitSeconds(), m.throughput());
                    stdout.flush();
                }
            });
        }
        Path dir = Reporter.write(run, out);
        stdout.printf(Locale.ROOT, "%d models × %d folds in %.1f s wall; report: %s%n", specs.size(), foldList.size(),
                run.wallSeconds(), dir.resolve("report.md"));
        return 0;
    }

    /** {@code features_30_sec.csv} → {@code gtzan-features-30s}; other names are used as they are. */
    static String datasetName(Path csv) {
        String stem = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        Matcher m = Pattern.compile("features_(\\d+)_sec").matcher(stem);
        return m.matches() ? "gtzan-features-" + m.group(1) + "s" : stem;
    }

    private String commandLine() {
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        return "genrebench " + String.join(" ", Arrays.stream(args)
                .map(a -> a.matches("[\\w./=,:-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
    }

    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<SplitKind> {
        @Override
        public SplitKind convert(String value) {
            return switch (value) {
                case "kfold" -> SplitKind.kfold;
                case "fault-filtered" -> SplitKind.fault_filtered;
                default -> throw new UserException("--split must be kfold or fault-filtered, got '" + value + "'");
            };
        }
    }
}
