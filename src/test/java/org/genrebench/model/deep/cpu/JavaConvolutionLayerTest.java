package org.genrebench.model.deep.cpu;

import org.genrebench.model.deep.MelCnn;
import org.genrebench.model.deep.MelWindowShape;
import org.genrebench.model.deep.NetworkArchitecture;
import org.genrebench.model.deep.VggLike;

import org.genrebench.model.deep.DeepConfig;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Networks whose convolutions are {@link JavaConvolutionLayer}s give the same loss and parameter gradients as the same
 * networks with DL4J's convolutions (oneDNN), and their JSON configuration round-trips.
 */
class JavaConvolutionLayerTest {
    /** The same network with DL4J's own convolutions in place of the Java ones, and the same parameters. */
    private static MultiLayerNetwork withDl4jConvolutions(String json, MultiLayerNetwork fast) {
        MultiLayerNetwork reference = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(
                json.replace(JavaConvolutionLayer.class.getName(), "org.deeplearning4j.nn.conf.layers.ConvolutionLayer")
                        .replaceAll(",?\\s*\"inputGradient\"\\s*:\\s*(true|false)", "")));
        reference.init();
        reference.setParams(fast.params().dup());
        return reference;
    }

    @Test
    void trainingStepsLeaveTheSamePredictionsAsDl4jConvolutions() {
        Nd4jRuntime.configure(0);
        MelWindowShape shape = new MelWindowShape(16, 20);
        String json = new VggLike(4, true).configure(shape, 3, DeepConfig.DEFAULT).toJson();
        MultiLayerNetwork fast = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
        fast.init();
        MultiLayerNetwork reference = withDl4jConvolutions(json, fast);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 8, 1, 16, 20);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % 3, 1f);
        INDArray before = reference.output(x, false);
        for (MultiLayerNetwork n : new MultiLayerNetwork[] {fast, reference}) {
            n.getLayer(n.getnLayers() - 1).conf().getLayer().setIDropout(null);
            for (int step = 0; step < 8; step++) { // full batches of 6 and a short one of 2, as an epoch ends
                int from = step % 2 == 0 ? 0 : 6, to = step % 2 == 0 ? 6 : 8;
                n.fit(new org.nd4j.linalg.dataset.DataSet(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)).dup(),
                        y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)).dup()));
            }
        }
        INDArray p1 = fast.output(x, false), p2 = reference.output(x, false);
        double maxDiff = p1.sub(p2).amaxNumber().doubleValue();
        assertTrue(maxDiff <= 1e-3, "max difference of the predicted probabilities after 8 Adam steps: " + maxDiff);
        assertTrue(p2.sub(before).amaxNumber().doubleValue() > 1e-2, "the steps moved the predictions");
    }

    @Test
    void sameLossAndParameterGradientsAsDl4jConvolutions() {
        Nd4jRuntime.configure(0);
        MelWindowShape shape = new MelWindowShape(16, 20);
        for (NetworkArchitecture arch : new NetworkArchitecture[] {new MelCnn(4, true), new VggLike(4, true)}) {
            MultiLayerConfiguration conf = arch.configure(shape, 3, DeepConfig.DEFAULT);
            String json = conf.toJson();
            assertTrue(json.contains(JavaConvolutionLayer.class.getName()), "the convolutions are the Java ones");
            MultiLayerNetwork fast = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json)); // JSON round trip
            fast.init();
            assertInstanceOf(JavaConvolutionLayer.Impl.class, fast.getLayer(0)); // the stem is a preprocessor
            var convs = java.util.Arrays.stream(fast.getLayers()).map(l -> l.conf().getLayer())
                    .filter(l -> l instanceof JavaConvolutionLayer).map(l -> (JavaConvolutionLayer) l).toList();
            assertEquals(4 * (arch instanceof VggLike ? 2 : 1), convs.size(), "every conv is a Java one");
            assertFalse(convs.get(0).isInputGradient(), "the first conv computes no input gradient");
            assertTrue(convs.stream().skip(1).allMatch(JavaConvolutionLayer::isInputGradient));
            MultiLayerNetwork reference = withDl4jConvolutions(json, fast);
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.randn(DataType.FLOAT, 6, 1, 16, 20);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
            for (int i = 0; i < 6; i++) y.putScalar(i, i % 3, 1f);
            // dropout off so both networks see identical forward passes
            for (MultiLayerNetwork n : new MultiLayerNetwork[] {fast, reference}) {
                n.getLayer(n.getnLayers() - 1).conf().getLayer().setIDropout(null);
                n.setInput(x);
                n.setLabels(y);
                n.computeGradientAndScore();
            }
            INDArray g1 = fast.gradient().gradient(), g2 = reference.gradient().gradient();
            assertEquals(fast.score(), reference.score(), 1e-5);
            double maxDiff = g1.sub(g2).amaxNumber().doubleValue(), scale = g2.amaxNumber().doubleValue();
            assertTrue(maxDiff <= 1e-4 * Math.max(1, scale), arch.name() + ": max gradient difference " + maxDiff);
            // and parameter block by parameter block, relative to the block's own size (small blocks would hide
            // behind the whole gradient's scale)
            for (var entry : reference.gradient().gradientForVariable().entrySet()) {
                INDArray a = fast.gradient().gradientForVariable().get(entry.getKey()), b = entry.getValue();
                double blockScale = b.amaxNumber().doubleValue(), blockDiff = a.sub(b).amaxNumber().doubleValue();
                assertTrue(blockScale > 0, entry.getKey() + " has a gradient");
                assertTrue(blockDiff <= 1e-3 * blockScale, arch.name() + " " + entry.getKey() + ": difference " + blockDiff
                        + " at scale " + blockScale);
            }
        }
    }
}
