package org.genrebench.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.genrebench.audio.AudioLoader;
import org.genrebench.audio.Resampling;
import org.genrebench.dataset.cache.ArrayCache;
import org.genrebench.experiment.ClusterEngine;
import org.genrebench.pipeline.AudioInputs;
import org.genrebench.feature.FeatureSchema;
import org.genrebench.feature.FeatureTableWriter;
import org.genrebench.util.AtomicFiles;
import org.genrebench.util.Csv;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code extract --engine spark}: the file list is cut into partitions; each task decodes, checks and extracts its
 * files through {@link AudioInputs}, as the local extract does. The output folder holds:
 * <ul>
 *   <li>{@code features.csv} and {@code features.parquet}: the community schema, rows in the local extract's order;</li>
 *   <li>{@code skipped.csv}: every file that gave no rows, with the reason;</li>
 *   <li>{@code rows-by-content/}: Parquet rows keyed by the SHA-256 of the file's bytes and the settings
 *       ({@link ArrayCache#key}); a re-run with the same folder only decodes files whose key is not there yet.</li>
 * </ul>
 * Faults: a bad file ({@link UserException}: clear, deterministic) is skipped at once; any other failure fails the
 * task so that Spark retries it, and on the task's last attempt the file is skipped with the failure as its reason,
 * so one crashing file never fails the job nor goes missing from the report.
 */
final class SparkExtraction {
    static final String STORE = "rows-by-content";

    /** How a file is turned into samples; tests swap in a decoder that crashes. */
    interface Decoder extends Serializable {
        float[] samples(Path file);
    }

    static final Decoder AUDIO_LOADER = file -> AudioInputs.decode(file).samples();

    private final SparkEngine engine;
    private final Decoder decoder;

    SparkExtraction(SparkEngine engine) {
        this(engine, AUDIO_LOADER);
    }

    SparkExtraction(SparkEngine engine, Decoder decoder) {
        this.engine = engine;
        this.decoder = decoder;
    }

    /** One file's result: its content key and rows, or that its rows are already stored, or why it gave none. */
    record FileOutcome(String path, String key, ArrayList<double[]> features, boolean stored, String skipReason)
            implements Serializable {
    }

    ClusterEngine.Extraction run(List<FeatureTableWriter.Input> files, int chunkSamples, Path outDir) {
        SparkSession spark = engine.session();
        JavaSparkContext jsc = engine.context();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserException("cannot create output folder " + outDir + ": " + e.getMessage(), e);
        }
        Path store = outDir.resolve(STORE).toAbsolutePath();
        String settings = "features58/double/v2/sr=" + AudioLoader.DEFAULT_SAMPLE_RATE + "/" + Resampling.ID + "/chunk=" + Math.max(0, chunkSamples);
        Set<String> storedKeys = Files.isDirectory(store)
                ? new HashSet<>(spark.read().parquet(store.toString()).select("key").distinct().as(Encoders.STRING()).collectAsList())
                : Set.of();
        Broadcast<Set<String>> stored = jsc.broadcast(storedKeys);
        int attempts = engine.taskAttempts();
        Decoder decoder = this.decoder;
        List<String> paths = files.stream().map(in -> in.file().toAbsolutePath().toString()).toList();
        int partitions = Math.max(1, Math.min(paths.size(), 4 * jsc.defaultParallelism()));
        List<FileOutcome> outcomes = jsc.parallelize(paths, partitions).mapPartitions(it -> {
            List<FileOutcome> out = new ArrayList<>();
            while (it.hasNext()) out.add(extractOne(Paths.get(it.next()), settings, chunkSamples, stored.value(), decoder, attempts));
            return out.iterator();
        }).collect();
        stored.destroy();

        List<FileOutcome> fresh = outcomes.stream().filter(o -> o.features() != null).toList();
        if (!fresh.isEmpty()) storeRows(spark, fresh, store);
        Map<String, List<double[]>> reused = readStored(spark, store,
                outcomes.stream().filter(FileOutcome::stored).map(FileOutcome::key).distinct().toList());

        List<FeatureTableWriter.Row> rows = new ArrayList<>();
        List<FeatureTableWriter.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) { // collect() keeps the order of the input list
            FileOutcome o = outcomes.get(i);
            List<double[]> features = o.features() != null ? o.features() : o.stored() ? reused.get(o.key()) : null;
            if (features == null) skipped.add(new FeatureTableWriter.Skipped(files.get(i).file(), o.skipReason()));
            else rows.addAll(FeatureTableWriter.rows(files.get(i), features, chunkSamples));
        }
        Path csv = outDir.resolve("features.csv");
        try {
            AtomicFiles.writeText(csv, w -> FeatureTableWriter.write(rows, w));
            AtomicFiles.writeText(outDir.resolve("skipped.csv"), w -> writeSkipped(skipped, w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeParquet(spark, rows, outDir.resolve("features.parquet"));
        int reusedFiles = (int) outcomes.stream().filter(FileOutcome::stored).count();
        return new ClusterEngine.Extraction(files.size(), rows.size(), reusedFiles, skipped, csv);
    }

    /** Runs on an executor. */
    static FileOutcome extractOne(Path file, String settings, int chunkSamples, Set<String> stored, Decoder decoder, int attempts) {
        String path = file.toString();
        String key;
        try {
            key = ArrayCache.key(file, settings);
        } catch (UncheckedIOException e) {
            return new FileOutcome(path, null, null, false, "cannot read " + file + ": " + e.getCause().getMessage());
        }
        if (stored.contains(key)) return new FileOutcome(path, key, null, true, null);
        try {
            float[] y = decoder.samples(file);
            return new FileOutcome(path, key, new ArrayList<>(AudioInputs.tableRows(y, chunkSamples)), false, null);
        } catch (UserException e) {
            return new FileOutcome(path, key, null, false, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            TaskContext task = TaskContext.get();
            int attempt = task == null ? attempts - 1 : task.attemptNumber();
            if (attempt + 1 < attempts) throw new IllegalStateException("extracting " + file + " failed (attempt " + (attempt + 1) + " of " + attempts + ")", e);
            return new FileOutcome(path, key, null, false, "failed on all " + attempts + " attempt(s): " + e);
        }
    }

    private static final StructType STORE_SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("chunk", DataTypes.IntegerType, false),
            DataTypes.createStructField("features", DataTypes.createArrayType(DataTypes.DoubleType, false), false)});

    private static void storeRows(SparkSession spark, List<FileOutcome> fresh, Path store) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FileOutcome o : fresh) {
            if (!seen.add(o.key())) continue; // two copies of one file: one set of rows
            for (int k = 0; k < o.features().size(); k++) rows.add(RowFactory.create(o.key(), k, boxed(o.features().get(k))));
        }
        spark.createDataFrame(rows, STORE_SCHEMA).coalesce(1).write().mode(SaveMode.Append).parquet(store.toString());
    }

    private static Map<String, List<double[]>> readStored(SparkSession spark, Path store, List<String> keys) {
        Map<String, List<double[]>> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        Dataset<Row> wanted = spark.createDataset(keys, Encoders.STRING()).toDF("key");
        List<Row> rows = spark.read().parquet(store.toString()).join(wanted, "key").dropDuplicates("key", "chunk")
                .orderBy("key", "chunk").collectAsList();
        for (Row r : rows) {
            List<Double> f = r.getList(r.fieldIndex("features"));
            out.computeIfAbsent(r.getString(r.fieldIndex("key")), k -> new ArrayList<>())
                    .add(f.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    private static void writeParquet(SparkSession spark, List<FeatureTableWriter.Row> rows, Path target) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("filename", DataTypes.StringType, false));
        for (int i = 0; i < FeatureSchema.SIZE; i++) {
            fields.add(DataTypes.createStructField(FeatureSchema.COLUMNS.get(i), i == 0 ? DataTypes.LongType : DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.StringType, false));
        List<Row> out = new ArrayList<>(rows.size());
        for (FeatureTableWriter.Row r : rows) {
            Object[] values = new Object[FeatureSchema.SIZE + 2];
            values[0] = r.filename();
            for (int i = 0; i < FeatureSchema.SIZE; i++) values[i + 1] = i == 0 ? (Object) (long) r.features()[0] : r.features()[i];
            values[FeatureSchema.SIZE + 1] = r.label();
            out.add(RowFactory.create(values));
        }
        spark.createDataFrame(out, new StructType(fields.toArray(StructField[]::new))).coalesce(1).write()
                .mode(SaveMode.Overwrite).parquet(target.toString());
    }

    private static Double[] boxed(double[] x) {
        Double[] out = new Double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i];
        return out;
    }

    /** {@code skipped.csv}: {@code file,reason}, one row per skipped file, the reason as it is (line breaks quoted). */
    private static void writeSkipped(List<FeatureTableWriter.Skipped> skipped, Writer out) throws IOException {
        var csv = Csv.printer(out);
        csv.printRecord("file", "reason");
        for (FeatureTableWriter.Skipped s : skipped) csv.printRecord(s.file().toString(), s.reason() == null ? "" : s.reason());
        csv.flush();
    }
}
