package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's convolution layer, same configuration and parameters, with forward and backward passes computed in Java
 * by {@link DirectConvolution} for the networks' case: stride 1, "same" padding, odd kernels, no bias, identity
 * activation, NCHW, no dropout or weight noise. Other configurations fall back to DL4J's own passes.
 *
 * <p>{@code inputGradient = false} is for a network's first trainable layer (only parameter-free layers such as
 * the pooling stem lie before it): DL4J always computes a layer's input gradient, PyTorch skips it when the input
 * needs none, and so does this layer, handing back zeros.
 */
public class JavaConvolutionLayer extends ConvolutionLayer {
    private boolean inputGradient = true;

    /** For JSON deserialisation. */
    public JavaConvolutionLayer() {
    }

    public JavaConvolutionLayer(ConvolutionLayer.Builder builder, boolean inputGradient) {
        super(builder);
        this.inputGradient = inputGradient;
    }

    /** Whether backpropagation computes the input gradient (false: zeros, for a first layer). */
    public boolean isInputGradient() {
        return inputGradient;
    }

    @Override
    public JavaConvolutionLayer clone() {
        return (JavaConvolutionLayer) super.clone();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray params, boolean initializeParams, DataType networkDataType) {
        return CustomLayers.wire(new Impl(conf, networkDataType), conf, listeners, layerIndex, params, initializeParams,
                initializer());
    }

    /** The layer implementation; its scratch arrays are reused from step to step. */
    static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        private DirectConvolution geometry;
        private float[] paddedInput, paddedDelta, wide, values;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** Whether this layer's configuration and input are the case {@link DirectConvolution} computes. */
        private boolean direct() {
            ConvolutionLayer c = layerConf();
            return !c.hasBias() && c.getActivationFn() instanceof ActivationIdentity && c.getIDropout() == null
                    && c.getWeightNoise() == null
                    && c.getCnn2dDataFormat() == CNN2DFormat.NCHW && input.rank() == 4
                    && c.getStride()[0] == 1 && c.getStride()[1] == 1
                    && c.getDilation()[0] == 1 && c.getDilation()[1] == 1
                    && c.getKernelSize()[0] % 2 == 1 && c.getKernelSize()[1] % 2 == 1
                    && c.getConvolutionMode() == ConvolutionMode.Same;
        }

        private DirectConvolution geometry(int height, int width) {
            int[] k = layerConf().getKernelSize();
            if (geometry == null || geometry.height != height || geometry.width != width) {
                geometry = new DirectConvolution(height, width, k[0], k[1]);
                paddedInput = paddedDelta = null; // new borders
            }
            return geometry;
        }

        /** The input as C-ordered float32 copied into padded planes. */
        private DirectConvolution padInput() {
            INDArray x = JavaArrays.contiguous(input.castTo(dataType));
            DirectConvolution g = geometry((int) x.size(2), (int) x.size(3));
            int planes = (int) (x.size(0) * x.size(1));
            paddedInput = g.padded(paddedInput, planes);
            g.pad(x.data().asNioFloat(), planes, paddedInput);
            return g;
        }

        private float[] kernel() {
            return JavaArrays.read(getParam(ConvolutionParamInitializer.WEIGHT_KEY), null);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            if (!direct()) return super.activate(training, workspaceMgr);
            DirectConvolution g = padInput();
            int n = (int) input.size(0), in = (int) input.size(1), out = (int) layerConf().getNOut();
            int size = n * out * g.height * g.width;
            wide = JavaArrays.atLeast(wide, n * out * g.span);
            values = JavaArrays.atLeast(values, size);
            g.convolve(paddedInput, n, in, kernel(), out, wide, values);
            INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {n, out, g.height, g.width}, 'c');
            JavaArrays.write(values, size, result);
            return result;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            if (!direct() || epsilon.size(2) != input.size(2) || epsilon.size(3) != input.size(3)) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            DirectConvolution g = padInput();
            int n = (int) input.size(0), in = (int) input.size(1), out = (int) epsilon.size(1), kk = g.taps.length;
            paddedDelta = g.padded(paddedDelta, n * out);
            g.pad(JavaArrays.contiguous(epsilon.castTo(dataType)).data().asNioFloat(), n * out, paddedDelta);
            float[] kernel = kernel();

            INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            float[] dw = g.weightGradient(paddedInput, paddedDelta, n, in, out);
            JavaArrays.write(dw, dw.length, weightGrad);
            Gradient gradient = new DefaultGradient();
            gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
            clearNoiseWeightParams();

            INDArray inputGrad;
            if (((JavaConvolutionLayer) layerConf()).isInputGradient()) {
                int size = n * in * g.height * g.width;
                wide = JavaArrays.atLeast(wide, n * in * g.span);
                values = JavaArrays.atLeast(values, size);
                g.convolve(paddedDelta, n, out, DirectConvolution.flippedTranspose(kernel, out, in, kk), in, wide, values);
                inputGrad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
                JavaArrays.write(values, size, inputGrad);
            } else {
                inputGrad = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c'); // zeros
            }
            return new Pair<>(gradient, inputGrad);
        }
    }
}
