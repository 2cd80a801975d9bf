package org.genrebench.model.pretrained;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.feature.MusicnnInput;
import org.genrebench.model.GenreClassifier;
import org.genrebench.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** msd-musicnn-ft: the imported network with a new head, trained end to end, saved and restored whole. */
class FineTunedMusicnnTest {

    private static List<Sample<double[]>> patches(int n, long seed) {
        Random rng = new Random(seed);
        List<Sample<double[]>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = new double[MusicnnInput.PATCH_SIZE];
            int label = i % 2;
            for (int j = 0; j < x.length; j++) x[j] = rng.nextDouble() * (label == 0 ? 1.0 : 2.5); // louder class 1
            out.add(new Sample<>(x, "song" + i, label));
        }
        return out;
    }

    @Test
    void aFineTunedNetworkPredictsGenresAndIsRestoredWithTheSameProbabilities() throws Exception {
        @SuppressWarnings("unchecked")
        GenreClassifier<double[]> m = (GenreClassifier<double[]>) ModelRegistry.entry("msd-musicnn-ft")
                .create(Map.of("epochs", "2", "batch", "4", "learningRate", "1e-3"), 5L);
        List<Sample<double[]>> train = patches(8, 1);
        m.fit(train, 2);
        List<double[]> x = patches(4, 2).stream().map(Sample::input).toList();
        double[][] p = m.predictProba(x);
        assertEquals(4, p.length);
        for (double[] row : p) assertEquals(1.0, row[0] + row[1], 1e-5);
        assertNotEquals(p[0][0], p[1][0], "the head responds to its input");
        double[][] back = ((GenreClassifier<double[]>) ModelRegistry.restore("msd-musicnn-ft", m.state())).predictProba(x);
        for (int i = 0; i < p.length; i++) assertArrayEquals(p[i], back[i], 1e-6);
    }

    @Test
    void aVggModelCannotBeFineTunedHere() {
        MusicnnModel vgg = MusicnnModel.load(MusicnnWeights.MSD_VGG, org.genrebench.SharedData.musicnnModels());
        assertThrows(UserException.class, () -> vgg.fineTunable(3, 1e-3, 1));
    }
}
