package org.genrebench.pipeline;

import org.genrebench.audio.AudioLoader;
import org.genrebench.audio.Resampling;
import org.genrebench.dataset.Sample;
import org.genrebench.feature.ChunkSpans;
import org.genrebench.feature.FeatureExtractor;
import org.genrebench.feature.FeatureSchema;
import org.genrebench.feature.MinimumClip;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The classical models' view: the 58 features of each chunk cut by {@link ChunkSpans} (the rule {@code extract}
 * writes its CSV with), without {@code length}, which describes the file rather than the music.
 *
 * @param chunkSamples samples per chunk; {@code 0} for one row per whole clip
 */
public record FeatureRows(int chunkSamples) implements InputView<double[]> {
    static final String VIEW = "feature-rows";
    private static final int LENGTH_COLUMN = FeatureSchema.indexOf("length");
    private static final ThreadLocal<FeatureExtractor> EXTRACTORS = FeatureExtractor.perThread();

    @Override
    public String unitName() {
        return "feature rows";
    }

    @Override
    public List<Sample<double[]>> select(PreparedViews data) {
        return data.features();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("view", VIEW, "featureChunkSamples", Integer.toString(chunkSamples));
    }

    @Override
    public String cacheKey() {
        return "features58/v1/sr=" + AudioLoader.DEFAULT_SAMPLE_RATE + "/" + Resampling.ID + "/chunk=" + chunkSamples;
    }

    /**
     * All 58 features of every chunk in double precision, {@code length} included: the rows {@code extract} writes.
     * A clip shorter than {@link MinimumClip} allows is a user error.
     */
    public double[][] extract(float[] y) {
        FeatureExtractor extractor = EXTRACTORS.get();
        MinimumClip.require(y.length, AudioLoader.DEFAULT_SAMPLE_RATE, chunkSamples, MinimumClip.defaultWindowSamples(extractor.params()));
        ChunkSpans spans = ChunkSpans.of(y.length, chunkSamples);
        double[][] rows = new double[spans.count()][];
        for (int k = 0; k < spans.count(); k++) rows[k] = extractor.extract(y, spans.start(k), spans.length());
        return rows;
    }

    /**
     * The {@link #extract} rows as float32, flattened: the cached form. Rounding through float32 also when not
     * cached keeps a first run and a cached rerun bit-identical.
     */
    @Override
    public float[] flat(float[] y) {
        double[][] rows = extract(y);
        float[] out = new float[rows.length * FeatureSchema.SIZE];
        for (int k = 0; k < rows.length; k++)
            for (int i = 0; i < FeatureSchema.SIZE; i++) out[k * FeatureSchema.SIZE + i] = (float) rows[k][i];
        return out;
    }

    /** Model inputs from {@link #flat} rows: every feature but {@code length}. */
    @Override
    public List<double[]> unflatten(float[] flat) {
        int n = flat.length / FeatureSchema.SIZE;
        double[][] rows = new double[n][FeatureSchema.SIZE - 1];
        for (int k = 0; k < n; k++)
            for (int i = 0, j = 0; i < FeatureSchema.SIZE; i++)
                if (i != LENGTH_COLUMN) rows[k][j++] = flat[k * FeatureSchema.SIZE + i];
        return Arrays.asList(rows);
    }
}
