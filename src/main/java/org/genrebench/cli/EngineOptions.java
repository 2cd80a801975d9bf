package org.genrebench.cli;

import org.genrebench.experiment.ClusterEngine;
import org.genrebench.util.UserException;
import picocli.CommandLine.Option;

/** Where {@code extract} and {@code compare}'s classical grid run: in this process, or on a cluster engine (a picocli mixin). */
final class EngineOptions {
    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "local (default): threads in this process; spark: Apache Spark tasks (the -Pspark build, docs/cluster.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master with --engine spark: local[N], local[N,F] (F attempts per task), spark://host:7077, k8s://..., yarn"
                    + " (default: the one spark-submit sets, else local[*]).")
    String master;

    boolean distributed() {
        return switch (engine) {
            case "local" -> {
                if (master != null) throw new UserException("--master needs --engine spark");
                yield false;
            }
            case "spark" -> true;
            default -> throw new UserException("--engine must be local or spark, got '" + engine + "'");
        };
    }

    /** The cluster engine asked for; only call when {@link #distributed()}. */
    ClusterEngine open() {
        return ClusterEngine.open(engine, master);
    }
}
