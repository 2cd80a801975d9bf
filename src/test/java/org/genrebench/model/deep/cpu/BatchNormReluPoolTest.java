package org.genrebench.model.deep.cpu;

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
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused layer must compute exactly what DL4J's batch norm, ReLU and max-pooling layers compute. */
class BatchNormReluPoolTest {
    /** Poolings of the three blocks: 2x2 with ragged edges (10x13 input), none (VGG's inner conv), 4x2 (CRNN). */
    private static final int[][] POOLS = {{2, 2}, {1, 1}, {4, 2}};

    @ParameterizedTest(name = "Java batch norm: {0}")
    @ValueSource(booleans = {true, false})
    void matchesDl4jLayersForwardBackwardAndAfterATrainingStep(boolean javaBatchNorm) {
        Nd4jRuntime.configure(0);
        MultiLayerNetwork fused = network(true), reference = network(false);
        if (javaBatchNorm) { // ReLU and pooling then run inside the batch-norm helper
            Nd4jRuntime.prepare(fused);
            Nd4jRuntime.prepare(reference);
        }
        reference.setParams(fused.params().dup());

        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, 1, 10, 13).muli(2).addi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) y.putScalar(i, i % 3, 1);

        assertClose(reference.output(x, true), fused.output(x, true), 1e-5, "training-mode forward");
        for (MultiLayerNetwork n : new MultiLayerNetwork[] {fused, reference}) {
            n.setInput(x);
            n.setLabels(y);
            n.computeGradientAndScore();
        }
        assertEquals(reference.score(), fused.score(), 1e-5, "loss");
        assertClose(reference.gradient().gradient(), fused.gradient().gradient(), 1e-4, "gradients of every parameter");

        DataSet batch = new DataSet(x, y);
        fused.fit(batch);
        reference.fit(batch);
        assertClose(reference.params(), fused.params(), 1e-4, "parameters and running statistics after one step");
        assertClose(reference.output(x, false), fused.output(x, false), 1e-4, "inference forward");
    }

    @Test
    void poolingSurvivesTheJsonRoundTrip() {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(network(true).getLayerWiseConfigurations().toJson());
        int found = 0;
        for (var layerConf : conf.getConfs()) {
            if (layerConf.getLayer() instanceof BatchNormReluPool p) {
                assertArrayEquals(POOLS[found], new int[] {p.getPoolHeight(), p.getPoolWidth()});
                found++;
            }
        }
        assertEquals(POOLS.length, found);
    }

    @Test
    void windowsWithoutAPositiveValuePassNoGradientAndTiesGoToTheFirst() {
        ReluMaxPool pool = new ReluMaxPool();
        // one 2x3 plane: window 1 = {-1, -2 | 3, 3} (tie at 3), window 2 = {-4 | -5} (ragged, all negative)
        INDArray in = Nd4j.createFromArray(new float[] {-1, -2, -4, 3, 3, -5}).reshape(1, 1, 2, 3);
        INDArray out = pool.forward(in, 2, 2, Nd4j::create);
        assertArrayEquals(new float[] {3, 0}, out.data().asFloat());
        INDArray grad = pool.backward(Nd4j.createFromArray(new float[] {7, 9}).reshape(1, 1, 1, 2), Nd4j::create);
        assertArrayEquals(new float[] {0, 0, 0, 7, 0, 0}, grad.data().asFloat());
    }

    private static MultiLayerNetwork network(boolean fusedLayers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.FLOAT).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Same).list();
        int channels = 3;
        for (int[] pool : POOLS) {
            list.layer(new ConvolutionLayer.Builder(3, 3).nOut(channels++).hasBias(false).activation(Activation.IDENTITY).build());
            if (fusedLayers) {
                list.layer(new BatchNormReluPool(pool[0], pool[1]));
            } else {
                list.layer(new BatchNormalization.Builder().build()).layer(new ActivationLayer(Activation.RELU));
                if (pool[0] * pool[1] > 1) {
                    list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(pool).stride(pool).build());
                }
            }
        }
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutional(10, 13, 1, CNN2DFormat.NCHW)).build());
        net.init();
        return net;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double diff = expected.sub(actual).amaxNumber().doubleValue(), scale = Math.max(1, expected.amaxNumber().doubleValue());
        assertTrue(diff <= tolerance * scale, what + ": max difference " + diff);
    }
}
