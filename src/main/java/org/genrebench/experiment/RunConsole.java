package org.genrebench.experiment;

import java.io.PrintWriter;

/** Where a run says what it does: lines for the user, and progress counters (the command line draws them as bars). */
public interface RunConsole {
    PrintWriter out();

    /** A counter of {@code total} steps of {@code task}, closed when the task ends. */
    Progress progress(String task, long total);

    interface Progress extends AutoCloseable {
        void step();

        /** What the last step was, shown beside the count. */
        void note(String text);

        @Override
        void close();
    }
}
