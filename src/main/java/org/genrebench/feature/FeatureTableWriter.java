package org.genrebench.feature;

import org.genrebench.audio.AudioClip;
import org.genrebench.audio.AudioLoader;
import org.genrebench.util.Csv;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

/**
 * Builds the community GTZAN feature table for a list of labelled audio files: one row per track, or per chunk
 * when a chunk length is given, processed in parallel, one {@link FeatureExtractor} per thread. Rows keep the
 * order of the inputs; files that cannot be read are skipped and reported.
 */
public final class FeatureTableWriter {
    /** One CSV row: file (or chunk) name, the 58 features, label. */
    public record Row(String filename, double[] features, String label) {
    }

    /**
     * One audio file, the names of its rows and its genre label.
     *
     * @param name      the {@code filename} of its whole-track row, unique in the table
     * @param chunkStem what the name of chunk k's row starts with, before {@code .k.wav}
     */
    public record Input(Path file, String name, String chunkStem, String label) {
    }

    /** A file that was skipped, and why. */
    public record Skipped(Path file, String reason) {
    }

    /** What {@link #extract} produced. */
    /** @param truncated files cut short whose remaining audio was used (their rows are in {@code rows}) */
    public record Result(List<Row> rows, List<Skipped> skipped, List<Skipped> truncated) {
    }

    private FeatureTableWriter() {
    }

    /**
     * Extracts every file with {@code threads} workers. {@code chunkSamples <= 0} gives one row per track; otherwise
     * one row per whole chunk named {@code <track>.<k>.wav}. {@code progress} is called once per finished file.
     */
    public static Result extract(List<Input> files, int chunkSamples, int threads, IntConsumer progress) {
        ThreadLocal<FeatureExtractor> fx = FeatureExtractor.perThread();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "extract");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Row>>> futures = new ArrayList<>();
            List<Skipped> damaged = java.util.Collections.synchronizedList(new ArrayList<>());
            for (Input input : files) {
                futures.add(pool.submit(() -> {
                    try {
                        AudioClip clip = AudioLoader.load(input.file(), fx.get().params().sampleRate()); // any decoded format, mono, resampled
                        clip.usedTruncated().ifPresent(t -> damaged.add(new Skipped(input.file(), t)));
                        return rows(input, features(fx.get(), clip.samples(), chunkSamples), chunkSamples);
                    } finally {
                        progress.accept(1);
                    }
                }));
            }
            List<Row> rows = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                try {
                    rows.addAll(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    skipped.add(new Skipped(files.get(i).file(), c.getMessage() == null ? c.toString() : c.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            List<Skipped> truncated = new ArrayList<>(damaged);
            truncated.sort(java.util.Comparator.comparing(Skipped::file));
            return new Result(rows, skipped, truncated);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The feature vectors of one clip: one over the whole clip, or one per whole chunk ({@link ChunkSpans}), all
     * finite. A clip shorter than {@link MinimumClip} allows is a user error giving its duration.
     */
    public static List<double[]> features(FeatureExtractor fx, float[] y, int chunkSamples) {
        if (y.length == 0) throw new UserException("no audio samples");
        MinimumClip.require(y.length, fx.params().sampleRate(), chunkSamples, MinimumClip.defaultWindowSamples(fx.params()));
        if (chunkSamples <= 0) return List.of(finite(fx.extract(y)));
        ChunkSpans spans = ChunkSpans.of(y.length, chunkSamples);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < spans.count(); k++) out.add(finite(fx.extract(y, spans.start(k), spans.length())));
        return out;
    }

    /**
     * The table rows of {@code input} for its {@code features} (from {@link #features}): named {@link Input#name}, or
     * {@code <chunkStem>.<k>.wav} per chunk when {@code chunkSamples > 0}, with the input's label.
     */
    public static List<Row> rows(Input input, List<double[]> features, int chunkSamples) {
        if (chunkSamples <= 0) return List.of(new Row(input.name(), features.getFirst(), input.label()));
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < features.size(); k++) out.add(new Row(input.chunkStem() + "." + k + ".wav", features.get(k), input.label()));
        return out;
    }

    /** A feature row that is all finite; NaN or Infinity (from absurd audio) must not reach a table. */
    private static double[] finite(double[] f) {
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i])) {
                throw new UserException("feature '" + FeatureSchema.COLUMNS.get(i) + "' is " + f[i] + " (audio outside the range features can describe)");
            }
        }
        return f;
    }

    /** Writes rows in the community schema: {@code filename,length,…,mfcc20_var,label}. */
    public static void write(List<Row> rows, Writer out) throws IOException {
        var csv = Csv.printer(out);
        csv.printRecord(FeatureSchema.tableColumns());
        List<Object> cells = new ArrayList<>(FeatureSchema.SIZE + 2);
        for (Row r : rows) {
            cells.clear();
            cells.add(r.filename());
            double[] f = r.features();
            cells.add((long) f[0]); // length, a sample count
            for (int i = 1; i < f.length; i++) cells.add(f[i]);
            cells.add(r.label());
            csv.printRecord(cells);
        }
        csv.flush();
    }
}
