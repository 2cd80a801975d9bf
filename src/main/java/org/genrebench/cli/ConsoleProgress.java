package org.genrebench.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.genrebench.experiment.RunConsole;

import java.io.PrintWriter;

/**
 * Every command's progress bars: on stderr (counts, rate and ETA), so stdout stays clean for summaries and piping,
 * and in plain ASCII without colour codes, so a log file or a pipe gets no ANSI escapes (progressbar's default style
 * colours the bar whether or not stderr is a terminal).
 */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    /** A bar over {@code total} steps. */
    static ProgressBar bar(String task, long total) {
        return builder(task).setInitialMax(total).build();
    }

    /** A run's console: its lines on {@code out}, its progress counters as bars. */
    static RunConsole console(PrintWriter out) {
        return new RunConsole() {
            @Override
            public PrintWriter out() {
                return out;
            }

            @Override
            public Progress progress(String task, long total) {
                ProgressBar bar = bar(task, total);
                return new Progress() {
                    @Override
                    public void step() {
                        bar.step();
                    }

                    @Override
                    public void note(String text) {
                        bar.setExtraMessage(text);
                    }

                    @Override
                    public void close() {
                        bar.close();
                    }
                };
            }
        };
    }

    /** A bar counting bytes in MiB, for a download whose size is learnt as it goes. */
    static ProgressBar mebibytes(String task) {
        return builder(task).setUnit("MiB", 1 << 20).build();
    }

    private static ProgressBarBuilder builder(String task) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err));
    }
}
