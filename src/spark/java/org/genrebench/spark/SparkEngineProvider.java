package org.genrebench.spark;

import org.genrebench.experiment.ClusterEngine;

/** {@code --engine spark}. */
public final class SparkEngineProvider implements ClusterEngine.Provider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterEngine open(String master) {
        return SparkEngine.open(master);
    }
}
