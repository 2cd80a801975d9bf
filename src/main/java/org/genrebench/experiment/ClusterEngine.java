package org.genrebench.experiment;

import org.genrebench.eval.Harness;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.util.UserException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A distributed engine for the two jobs that grow with the data: feature extraction over a large collection and
 * the classical (model, fold, candidate) grid. The Apache Spark one lives in the optional {@code -Pspark} build
 * (docs/cluster.md) and is found through {@link ServiceLoader}, so the default build carries no engine.
 */
public interface ClusterEngine extends AutoCloseable {

    /**
     * What a distributed {@code extract} wrote.
     *
     * @param files   input files
     * @param rows    rows in the feature table
     * @param reused  files whose rows were already in the output folder (same content, same settings)
     * @param skipped files that gave no rows, with the reason
     * @param csv     the community-schema table
     */
    record Extraction(int files, int rows, int reused, List<FeatureTableWriter.Skipped> skipped, Path csv) {
    }

    /**
     * Extracts the 58 features of every file into {@code outDir} (the same rows, names and order as the local
     * {@link AudioPreparation#featureTable}); files already extracted there with the same content and settings are
     * reused, not recomputed.
     */
    Extraction extract(List<FeatureTableWriter.Input> files, int chunkSamples, Path outDir);

    /**
     * Runs the classical models' (model, fold) fits, and under {@code tune} every grid candidate, as cluster tasks;
     * {@code params} are each model's hyper-parameter overrides ({@code --param}).
     */
    Harness.FoldExecutor<double[]> classicalFits(long seed, boolean tune, Map<String, Map<String, String>> params);

    /** One file's patch embeddings, or why it gave none. */
    record EmbeddedFile(java.util.ArrayList<double[]> rows, String skipReason) implements java.io.Serializable {
    }

    /**
     * Each file's patch embeddings from a frozen pre-trained model ({@code extract --embedding}: catalogue model
     * {@code model}, its {@code layer}, patches {@code hopSeconds} apart) as cluster tasks, in the files' order; each
     * executor loads the model once from its models folder.
     */
    List<EmbeddedFile> embed(List<Path> files, String model, String layer, int hopSeconds);

    /** e.g. {@code spark local[2]}, for logs and reports. */
    String describe();

    @Override
    void close();

    /** Registered in {@code META-INF/services} by the build that carries the engine. */
    interface Provider {
        String name();

        /** @param master the cluster to run on ({@code local[2]}, {@code spark://host:7077}, ...); null: the engine's own default */
        ClusterEngine open(String master);
    }

    /** The engine called {@code name}, or one sentence saying which build has it. */
    static ClusterEngine open(String name, String master) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) return p.open(master);
        }
        throw new UserException("--engine " + name + " is not in this build: build with ./mvnw -Pspark package (docs/cluster.md)");
    }
}
