package org.genrebench.pipeline;

import org.genrebench.feature.FeatureSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The classical models see exactly the rows `extract` writes (as float32, without length), for any chunk length. */
class InputViewTest {

    @ParameterizedTest
    @ValueSource(doubles = {3.0, 1.5, 5.0})
    void featureRowsAreExtractsRowsWithoutLength(double seconds) {
        int chunk = InputSettings.chunkSamples(seconds);
        assertEquals(Math.round(seconds * 22050) - 1, chunk, "round(s * sr) - 1, the community table's rule");
        Random rng = new Random(3);
        float[] y = new float[(int) (7.3 * 22050)];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(i * 0.07) + 0.05 * rng.nextGaussian());

        List<double[]> extracted = AudioInputs.tableRows(y, chunk);
        List<double[]> rows = AudioInputs.inputs(new FeatureRows(chunk), y);
        assertEquals(extracted.size(), rows.size(), "chunks at " + seconds + " s");
        int length = FeatureSchema.indexOf("length");
        for (int k = 0; k < rows.size(); k++) {
            for (int i = 0, j = 0; i < FeatureSchema.SIZE; i++) {
                if (i == length) continue;
                assertEquals((float) extracted.get(k)[i], rows.get(k)[j++], 0.0, "chunk " + k + " feature " + FeatureSchema.COLUMNS.get(i));
            }
        }
    }
}
