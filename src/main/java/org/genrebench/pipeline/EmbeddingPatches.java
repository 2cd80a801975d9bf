package org.genrebench.pipeline;

import org.genrebench.dataset.Sample;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pre-trained family's view: one row per patch of a clip, the values of a frozen pre-trained model's feature
 * layer ({@code model}, e.g. {@code msd-musicnn}, layer e.g. {@code max_pool}), patches {@code hopSeconds} apart.
 * From an embedding table ({@code --features-csv}) the rows are the table's; from audio they are computed.
 */
public record EmbeddingPatches(String model, String layer, int hopSeconds) implements InputView<double[]> {
    static final String VIEW = "embedding";

    /** {@code MODEL:LAYER}: how embedding tables and prepared datasets name these rows. */
    public String key() {
        return model + ":" + layer;
    }

    @Override
    public String unitName() {
        return key() + " patches";
    }

    /** Loads the model now (once per process); a missing or unknown file is one user error naming the download command. */
    public void requireModel() {
        Embeddings.model(model);
    }

    /** The names of a row's values: the model's tags for a taggram (spaces as underscores), else 0, 1, 2, ... */
    public List<String> columnNames() {
        var m = Embeddings.model(model);
        if (layer.equals(org.genrebench.model.pretrained.MusicnnModel.TAGGRAM)) return m.tags().stream().map(t -> t.replace(' ', '_')).toList();
        int width = layer.equals(Embeddings.INPUT) ? org.genrebench.feature.MusicnnInput.PATCH_SIZE : m.width(layer);
        return java.util.stream.IntStream.range(0, width).mapToObj(Integer::toString).toList();
    }

    /** Key of these rows in the feature cache (the model by its checksum). */
    @Override
    public String cacheKey() {
        return Embeddings.cacheKey(this);
    }

    /** Every patch's values, one row after another: the cached form. */
    @Override
    public float[] flat(float[] y) {
        return Embeddings.flat(this, y);
    }

    /** The rows of a {@link #flat} array. */
    @Override
    public List<double[]> unflatten(float[] flat) {
        return Arrays.asList(Embeddings.unflatten(this, flat));
    }

    @Override
    public List<Sample<double[]>> select(PreparedViews data) {
        return data.embeddings(key());
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("view", VIEW, "model", model, "layer", layer, "hopSeconds", Integer.toString(hopSeconds));
    }
}
