package org.genrebench.model.pretrained;

import org.genrebench.catalog.ModelRegistry;
import org.genrebench.dataset.Sample;
import org.genrebench.eval.TestData;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.GenreClassifier;
import org.genrebench.pipeline.ModelFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pre-trained family's probe: scaler and PCA fitted on the training rows only, any classical probe, saved whole. */
class ProbeTest {

    private static final List<Sample<double[]>> DATA = TestData.blobs(3, 10, 3, 12, 7);

    @Test
    void everyProbeLearnsSeparableEmbeddingsWithAndWithoutPca() {
        List<Sample<double[]>> train = DATA.stream().filter(s -> !s.songId().endsWith("0")).toList();
        List<Sample<double[]>> test = DATA.stream().filter(s -> s.songId().endsWith("0")).toList();
        for (String probe : Probe.PROBES) {
            for (String pca : List.of("0", "4")) {
                GenreClassifier<double[]> m = cast(ModelRegistry.entry("msd-musicnn")).create(Map.of("probe", probe, "pca", pca), 3L);
                m.fit(train, 3);
                double[][] p = m.predictProba(test.stream().map(Sample::input).toList());
                int right = 0;
                for (int i = 0; i < p.length; i++) if (argmax(p[i]) == test.get(i).label()) right++;
                assertTrue(right >= 0.8 * p.length, probe + " pca " + pca + ": " + right + "/" + p.length);
                assertEquals(probe, m.hyperParameters().get("probe"));
            }
        }
    }

    @Test
    void aFittedProbeIsRestoredFromItsStateWithTheSameProbabilities() throws Exception {
        GenreClassifier<double[]> m = cast(ModelRegistry.entry("mtt-vgg")).create(Map.of("pca", "5"), 1L);
        m.fit(DATA, 3);
        EstimatorState state = m.state();
        @SuppressWarnings("unchecked")
        GenreClassifier<double[]> back = (GenreClassifier<double[]>) ModelRegistry.restore("mtt-vgg", state);
        List<double[]> x = DATA.stream().limit(10).map(Sample::input).toList();
        assertArrayEquals(m.predictProba(x), back.predictProba(x));
        assertEquals("pool5", back.hyperParameters().get("layer"));
    }

    @SuppressWarnings("unchecked")
    private static ModelRegistry.Entry<double[]> cast(ModelRegistry.Entry<?> e) {
        return (ModelRegistry.Entry<double[]>) e;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
