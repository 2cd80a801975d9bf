package org.genrebench.model.deep;

import org.genrebench.dataset.Sample;
import org.genrebench.model.EstimatorState;
import org.genrebench.model.deep.cpu.CpuWorkarounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A saved network holds DL4J's stock layer configuration (it loads without GenreBench's CPU layers, under any
 * backend or DL4J version) and records the DL4J version and whether the CPU layers trained it; loading it with the
 * CPU layers on or off predicts the same.
 */
class DeepModelStateTest {
    static List<Sample<float[]>> train, test;

    @BeforeAll
    static void data() {
        train = SyntheticMel.songs(DeepGenreClassifierTest.TINY, DeepGenreClassifierTest.CLASSES, 6, 3, 2.0, 1);
        test = SyntheticMel.songs(DeepGenreClassifierTest.TINY, DeepGenreClassifierTest.CLASSES, 2, 3, 2.0, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn", "vgg", "crnn", "cnn/full", GtzanKerasCnn.NAME + "/full"})
    void storesTheStockConfigurationAndLoadsWithOrWithoutTheCpuLayers(String variant) throws IOException {
        assertTrue(CpuWorkarounds.active(), "this test trains with the CPU layers and compares them with the stock ones");
        DeepGenreClassifier model = DeepGenreClassifierTest.tinyVariant(variant);
        DeepGenreClassifier twoEpochs = new DeepGenreClassifier(model.architecture(), model.shape(), model.config().withEpochs(2));
        twoEpochs.fit(train, DeepGenreClassifierTest.CLASSES);
        assertTrue(twoEpochs.trainedWithCpuLayers());
        List<float[]> inputs = test.stream().map(Sample::input).toList();
        double[][] trained = twoEpochs.predictProba(inputs);

        EstimatorState state = twoEpochs.state();
        String configuration = configurationJson(state.entry(DeepModelState.NETWORK));
        Matcher classes = Pattern.compile("\"(org\\.genrebench\\.[\\w.$]+)\"").matcher(configuration);
        while (classes.find()) {
            assertEquals(FeatureMapsToSequence.class.getName(), classes.group(1),
                    variant + ": a GenreBench class in the stored configuration (only crnn's reshape, plain nd4j, may be there)");
        }
        assertTrue(configuration.contains("org.deeplearning4j.nn.conf.layers.BatchNormalization"), configuration);
        Properties meta = new Properties();
        meta.load(new StringReader(new String(state.entry(DeepModelState.META), StandardCharsets.UTF_8)));
        assertEquals(CpuWorkarounds.dl4jVersion(), meta.getProperty("dl4jVersion"));
        assertEquals("true", meta.getProperty("trainedWithCpuLayers"));
        assertEquals("stock", meta.getProperty("storedLayers"));

        DeepGenreClassifier fast = DeepModelState.restore(state, DeepGenreClassifierTest.design(twoEpochs.architecture().name()), true),
                stock = DeepModelState.restore(state, DeepGenreClassifierTest.design(twoEpochs.architecture().name()), false);
        assertTrue(fast.network().getLayerWiseConfigurations().toJson().contains(CpuWorkarounds.class.getPackageName()),
                "loaded with the CPU layers");
        assertFalse(stock.network().getLayerWiseConfigurations().toJson().contains(CpuWorkarounds.class.getPackageName()));
        double[][] withCpuLayers = fast.predictProba(inputs), withStockLayers = stock.predictProba(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertArrayEquals(trained[i], withCpuLayers[i], 0.0, variant + ": reloaded as trained");
            assertArrayEquals(withCpuLayers[i], withStockLayers[i], 1e-5, variant + ": stock layers predict the same");
        }
        assertTrue(stock.trainedWithCpuLayers(), "the record of how it was trained survives loading");
    }

    /** DL4J's {@code configuration.json} inside a {@code ModelSerializer} zip. */
    private static String configurationJson(byte[] networkZip) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(networkZip))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("configuration.json")) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no configuration.json in network.zip");
    }
}
