package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.normalization.BatchNormHelperAccess;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.genrebench.model.deep.DeepConfig;
import org.genrebench.model.deep.MelCnn;
import org.genrebench.model.deep.MelWindowShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workarounds are written against one DL4J release and nd4j's CPU backend with oneDNN; these checks fail when
 * the class path changes under them (a DL4J upgrade, a build without oneDNN, the shim no longer consulted).
 */
class CpuWorkaroundsTest {

    @Test
    void theDl4jVersionAndBackendAreTheOnesTheWorkaroundsWereWrittenFor() {
        assertEquals(CpuWorkarounds.DL4J_VERSION, CpuWorkarounds.dl4jVersion(),
                "DL4J changed: re-check the shims (Nd4jCpu, BatchNormHelperAccess) and the custom layers, then update DL4J_VERSION");
        assertEquals(CpuWorkarounds.CPU_BACKEND, CpuWorkarounds.backend());
        assertTrue(CpuWorkarounds.active());
    }

    @Test
    void oneDnnHelpersAreFoundAndTheJavaLayersAreInPlace() {
        CpuWorkarounds.install(0);
        assertTrue(Nd4jRuntime.describe().contains("oneDNN=true"), "nd4j's native build has oneDNN: " + Nd4jRuntime.describe());
        assertTrue(org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN(), "the Nd4jCpu shim finds oneDNN");
        MultiLayerConfiguration conf = new MelCnn(4, true).configure(new MelWindowShape(16, 20), 3, DeepConfig.DEFAULT);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        CpuWorkarounds.prepare(net);
        net.output(Nd4j.rand(2, 1, 16, 20));
        long oneDnnConvs = Arrays.stream(net.getLayers())
                .filter(l -> l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer)
                .filter(l -> l.getHelper() != null && l.getHelper().getClass().getSimpleName().equals("MKLDNNConvHelper"))
                .count();
        long convs = Arrays.stream(net.getLayers()).filter(l -> l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer).count();
        assertTrue(convs > 0);
        assertEquals(convs, oneDnnConvs, "every convolution has DL4J's oneDNN helper (its fallback outside the Java case)");
        assertTrue(Arrays.stream(net.getLayers()).filter(l -> l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer)
                .allMatch(l -> l instanceof JavaConvolutionLayer.Impl), "every convolution is a Java one");
        long batchNorms = 0;
        for (var l : net.getLayers()) {
            if (l instanceof BatchNormalization bn) {
                assertInstanceOf(JavaBatchNormHelper.class, BatchNormHelperAccess.helper(bn));
                batchNorms++;
            }
        }
        assertTrue(batchNorms > 0);
    }
}
