package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.normalization.BatchNormHelperAccess;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java batch norm must reproduce DL4J's own (helper-less) batch norm: outputs, gradients, running statistics. */
class JavaBatchNormHelperTest {

    @Test
    void matchesDl4jBuiltInBatchNormForwardBackwardAndRunningStatistics() {
        Nd4jRuntime.configure(0);
        MultiLayerNetwork java = network();
        MultiLayerNetwork builtIn = network();
        JavaBatchNormHelper.install(java);
        for (Layer l : builtIn.getLayers()) {
            if (l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization bn) BatchNormHelperAccess.setHelper(bn, null);
        }
        assertInstanceOf(JavaBatchNormHelper.class, BatchNormHelperAccess.helper(
                (org.deeplearning4j.nn.layers.normalization.BatchNormalization) java.getLayer(1)));
        assertNull(BatchNormHelperAccess.helper((org.deeplearning4j.nn.layers.normalization.BatchNormalization) builtIn.getLayer(1)));
        assertEquals(builtIn.params(), java.params(), "same seed, same initial parameters");

        Nd4j.getRandom().setSeed(3);
        // an offset and scale per example so the batch statistics are far from (0, 1)
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, 2, 7, 9).muli(3).addi(1.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) y.putScalar(i, i % 3, 1);
        DataSet batch = new DataSet(x, y);

        assertClose(builtIn.output(x, true), java.output(x, true), "training-mode forward");
        java.setInput(x);
        java.setLabels(y);
        builtIn.setInput(x);
        builtIn.setLabels(y);
        java.computeGradientAndScore();
        builtIn.computeGradientAndScore();
        assertEquals(builtIn.score(), java.score(), 1e-5, "loss");
        assertClose(builtIn.gradient().gradient(), java.gradient().gradient(), "gradients of every parameter");

        for (int step = 0; step < 3; step++) {
            java.fit(batch);
            builtIn.fit(batch);
        }
        assertClose(builtIn.params(), java.params(), "parameters and running mean/variance after three steps");
        assertClose(builtIn.output(x, false), java.output(x, false), "inference-mode forward (running statistics)");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= 2e-4 * scale, what + ": max |diff| " + diff + " at scale " + scale);
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11).dataType(DataType.FLOAT).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().dataFormat(CNN2DFormat.NCHW).build())
                .layer(new ActivationLayer(Activation.TANH))
                .layer(new GlobalPoolingLayer(PoolingType.AVG))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(7, 9, 2, CNN2DFormat.NCHW))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
