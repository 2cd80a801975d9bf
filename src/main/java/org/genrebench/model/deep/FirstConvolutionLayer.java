package org.genrebench.model.deep;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
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
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collection;
import java.util.Map;

/**
 * A convolution layer for the first trainable layer of a network, i.e. one whose input gradient nobody uses
 * (only parameter-free layers such as the pooling stem lie before it). DL4J always computes a layer's input
 * gradient; for our first conv (1 input channel) oneDNN runs that as a Winograd backward-data pass on
 * 16-channel-padded blocked copies, which cost ~45 ms of the ~190 ms MelCnn training step (DNNL_VERBOSE,
 * results/benchmarks.md). PyTorch skips it because the input needs no gradient. This layer does the same:
 * forward is DL4J's (oneDNN), backward computes only the weight gradient (im2col + one GEMM) and hands back a
 * zero input gradient. Same parameters, same forward maths, same weight gradient (up to float summation order).
 * Falls back to DL4J's backward for configurations it does not handle (bias, a non-identity activation, NHWC).
 */
public class FirstConvolutionLayer extends ConvolutionLayer {
    /** For JSON deserialisation. */
    public FirstConvolutionLayer() {
    }

    FirstConvolutionLayer(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray params, boolean initializeParams, DataType networkDataType) {
        Impl layer = new Impl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(params);
        ParamInitializer initializer = initializer();
        Map<String, INDArray> table = initializer.init(conf, params, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    /** The layer implementation: DL4J's convolution with a weight-gradient-only backward pass. */
    static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            ConvolutionLayer c = layerConf();
            boolean simple = !c.hasBias() && c.getActivationFn() instanceof ActivationIdentity
                    && c.getCnn2dDataFormat() == CNN2DFormat.NCHW && input.rank() == 4
                    && c.getStride()[0] == 1 && c.getStride()[1] == 1
                    && c.getDilation()[0] == 1 && c.getDilation()[1] == 1
                    && c.getKernelSize()[0] % 2 == 1 && c.getKernelSize()[1] % 2 == 1
                    && c.getConvolutionMode() == org.deeplearning4j.nn.conf.ConvolutionMode.Same
                    && epsilon.size(2) == input.size(2) && epsilon.size(3) == input.size(3);
            if (!simple) return super.backpropGradient(epsilon, workspaceMgr);
            assertInputSet(true);
            INDArray x = input.castTo(dataType);
            int kh = c.getKernelSize()[0], kw = c.getKernelSize()[1];
            long mb = x.size(0), ic = x.size(1), h = x.size(2), w = x.size(3), oc = epsilon.size(1);
            // col[n, c, i, j, y, x] = padded input at (y + i, x + j); per sample, dW += delta_n . col_n^T
            INDArray col = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                    new long[] {mb, ic, kh, kw, h, w}, 'c');
            Convolution.im2col(x, kh, kw, 1, 1, kh / 2, kw / 2, 1, 1, true, col);
            INDArray delta = Shape.hasDefaultStridesForShape(epsilon) ? epsilon
                    : workspaceMgr.dup(ArrayType.BP_WORKING_MEM, epsilon, 'c');
            INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            INDArray wg2d = weightGrad.reshape('c', oc, ic * kh * kw);
            for (long n = 0; n < mb; n++) {
                INDArray d = delta.slice(n).reshape('c', oc, h * w);
                INDArray cn = col.slice(n).reshape('c', ic * kh * kw, h * w);
                Nd4j.gemm(d, cn, wg2d, false, true, 1.0, n == 0 ? 0.0 : 1.0);
            }
            if (wg2d.data() != weightGrad.data() || wg2d.offset() != weightGrad.offset()) {
                weightGrad.assign(wg2d.reshape('c', oc, ic, kh, kw));
            }
            Gradient gradient = new DefaultGradient();
            gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
            clearNoiseWeightParams();
            // the input gradient is not needed (see the class comment): zeros of the input's shape
            INDArray inputGrad = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
            return new Pair<>(gradient, inputGrad);
        }
    }
}
