package org.genrebench.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.genrebench.eval.Harness;
import org.genrebench.experiment.ClusterEngine;
import org.genrebench.feature.FeatureTableWriter;

import java.nio.file.Path;
import java.util.List;
import org.genrebench.pipeline.AudioInputs;
import org.genrebench.pipeline.EmbeddingPatches;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GenreBench's jobs on Apache Spark: the same code as the local paths ({@link AudioInputs} for every file), cut into Spark tasks. One session per
 * process (Spark allows one context per JVM); {@link #close} stops it.
 */
public final class SparkEngine implements ClusterEngine {
    private static final Pattern LOCAL_WITH_FAILURES = Pattern.compile("local\\[\\s*(\\d+|\\*)\\s*,\\s*(\\d+)\\s*]");

    private final SparkSession spark;

    private SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * @param master null: the master spark-submit set ({@code spark.master}), else {@code local[*]}
     */
    public static SparkEngine open(String master) {
        SparkConf conf = new SparkConf();
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        conf.setIfMissing("spark.app.name", "genrebench");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "100"); // the 60-column schema, without a warning
        return new SparkEngine(SparkSession.builder().config(conf).getOrCreate());
    }

    SparkSession session() {
        return spark;
    }

    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /**
     * Attempts Spark gives a task before failing the job: {@code F} of {@code local[N,F]}, 1 for other local
     * masters (Spark does not retry there), else {@code spark.task.maxFailures} (default 4).
     */
    int taskAttempts() {
        String master = spark.sparkContext().master();
        Matcher m = LOCAL_WITH_FAILURES.matcher(master);
        if (m.matches()) return Integer.parseInt(m.group(2));
        if (master.startsWith("local")) return 1;
        return spark.sparkContext().getConf().getInt("spark.task.maxFailures", 4);
    }

    @Override
    public Extraction extract(List<FeatureTableWriter.Input> files, int chunkSamples, Path outDir) {
        return new SparkExtraction(this).run(files, chunkSamples, outDir);
    }

    @Override
    public Harness.FoldExecutor<double[]> classicalFits(long seed, boolean tune, Map<String, Map<String, String>> params) {
        return new SparkFits(context(), seed, tune, params);
    }

    @Override
    public List<EmbeddedFile> embed(List<Path> files, String model, String layer, int hopSeconds) {
        JavaSparkContext jsc = context();
        List<String> paths = files.stream().map(f -> f.toAbsolutePath().toString()).toList();
        int partitions = Math.max(1, Math.min(paths.size(), 4 * jsc.defaultParallelism()));
        return jsc.parallelize(paths, partitions).map(path -> {
            try {
                EmbeddingPatches view = new EmbeddingPatches(model, layer, hopSeconds);
                float[] y = AudioInputs.decode(java.nio.file.Paths.get(path)).samples();
                return new EmbeddedFile(new java.util.ArrayList<>(AudioInputs.inputs(view, y)), null);
            } catch (org.genrebench.util.UserException e) {
                return new EmbeddedFile(null, e.getMessage());
            }
        }).collect(); // collect() keeps the order of the input list
    }

    @Override
    public String describe() {
        return "spark " + spark.sparkContext().master() + " (Spark " + spark.version() + ", "
                + spark.sparkContext().defaultParallelism() + " task slots)";
    }

    @Override
    public void close() {
        spark.stop();
    }
}
