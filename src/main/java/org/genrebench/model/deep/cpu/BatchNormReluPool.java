package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormHelperAccess;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * Batch norm, ReLU and max pooling (kernel = stride = {@code poolHeight x poolWidth}, DL4J's "same" mode) as one
 * layer: the tail of every conv block. Same maths and parameters as
 * DL4J's {@code BatchNormalization} + {@code ActivationLayer(ReLU)} + {@code SubsamplingLayer(MAX)}, which
 * {@code BatchNormReluPoolTest} checks output by output and gradient by gradient; pooling 1x1 gives batch norm +
 * ReLU alone (VGG's first conv of a block).
 * <p>
 * Why: at our widths a training step is dominated not by convolution arithmetic but by passes over the
 * activations. DL4J's ReLU layer copies its input in both directions, and its oneDNN max pooling reorders the
 * data, runs the forward pass twice in training (once more inside the backward pass, for the argmax) and
 * returns a dense gradient. Here ReLU and pooling are one Java pass forward and one backward
 * ({@link ReluMaxPool}), run inside {@link JavaBatchNormHelper} on its Java arrays when that helper is installed
 * (the default), so the full-size activations and gradients never go back to nd4j in between. Batch norm itself
 * is DL4J's layer (running statistics included) with whichever helper it has.
 */
public class BatchNormReluPool extends BatchNormalization {
    private int poolHeight = 1;
    private int poolWidth = 1;

    /** For JSON deserialisation. */
    public BatchNormReluPool() {
    }

    public BatchNormReluPool(int poolHeight, int poolWidth) {
        if (poolHeight < 1 || poolWidth < 1) throw new IllegalArgumentException("pooling must be at least 1x1");
        this.poolHeight = poolHeight;
        this.poolWidth = poolWidth;
        setCnn2DFormat(CNN2DFormat.NCHW);
    }

    public int getPoolHeight() {
        return poolHeight;
    }

    public int getPoolWidth() {
        return poolWidth;
    }

    @Override
    public BatchNormReluPool clone() {
        return (BatchNormReluPool) super.clone();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray params, boolean initializeParams, DataType networkDataType) {
        return CustomLayers.wire(new Impl(conf, networkDataType), conf, listeners, layerIndex, params, initializeParams,
                initializer());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getFormat() != CNN2DFormat.NCHW) {
            throw new IllegalStateException("BatchNormReluPool (layer " + layerIndex + ") needs NCHW conv input, got " + inputType);
        }
        return InputType.convolutional(ceilDiv(c.getHeight(), poolHeight), ceilDiv(c.getWidth(), poolWidth),
                c.getChannels(), CNN2DFormat.NCHW);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** DL4J's batch-norm layer, with ReLU and max pooling applied to its output and undone on its gradient. */
    static final class Impl extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        private final ReluMaxPool pool = new ReluMaxPool();
        private boolean fused; // whether the last forward pass ran inside the batch-norm helper

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        private BatchNormReluPool config() {
            return (BatchNormReluPool) conf().getLayer();
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            int ph = config().poolHeight, pw = config().poolWidth;
            // with the Java batch norm, the helper runs ReLU and pooling itself, on its Java arrays
            if (BatchNormHelperAccess.helper(this) instanceof JavaBatchNormHelper java) java.fuse(pool, ph, pw);
            long before = pool.forwards();
            INDArray output = super.activate(training, workspaceMgr);
            fused = pool.forwards() != before;
            return fused ? output : pool.forward(output, ph, pw,
                    shape -> workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c'));
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            if (fused) return super.backpropGradient(epsilon, workspaceMgr); // the helper undoes the pooling itself
            INDArray normalisedGradient = pool.backward(epsilon,
                    shape -> workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, shape, 'c'));
            return super.backpropGradient(normalisedGradient, workspaceMgr);
        }
    }
}
