package org.genrebench.model.classical;

import org.bytedeco.openblas.global.openblas;

import java.util.function.Supplier;

/**
 * Runs work with OpenBLAS on one thread, then restores the previous thread count. Smile's MLP makes one small
 * BLAS call per sample and layer (a rank-1 update of each weight matrix); OpenBLAS's worker threads cost more than
 * such a call computes, and single-threaded the same fit runs several times faster (results/benchmarks.md). The
 * setting is process-wide, so overlapping calls share one scope, counted. {@code -Dgenrebench.singleThreadBlas=false}
 * leaves OpenBLAS's threads alone, to measure the difference.
 */
final class SingleThreadBlas {
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("genrebench.singleThreadBlas", "true"));
    private static int depth;
    private static int previous;

    private SingleThreadBlas() {
    }

    static <T> T call(Supplier<T> work) {
        if (!ENABLED) return work.get();
        enter();
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    private static synchronized void enter() {
        if (depth++ == 0) {
            previous = openblas.blas_get_num_threads();
            openblas.blas_set_num_threads(1);
        }
    }

    private static synchronized void exit() {
        if (--depth == 0) openblas.blas_set_num_threads(previous);
    }
}
