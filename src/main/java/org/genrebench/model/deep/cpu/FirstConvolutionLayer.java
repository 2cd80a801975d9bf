package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.Layer;
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
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.Collection;

/**
 * A convolution layer for the first trainable layer of a network, i.e. one whose input gradient nobody uses
 * (only parameter-free layers such as the pooling stem lie before it). DL4J always computes a layer's input
 * gradient; for our first conv (1 input channel) oneDNN runs that as a Winograd backward-data pass on
 * 16-channel-padded blocked copies, which cost ~45 ms of the ~190 ms MelCnn training step (DNNL_VERBOSE,
 * results/benchmarks.md). PyTorch skips it because the input needs no gradient. This layer does the same:
 * forward is DL4J's (oneDNN), backward computes only the weight gradient (in Java, {@link WeightGradient}) and
 * hands back a zero input gradient. Same parameters, same forward maths, same weight gradient (up to float summation order).
 * Falls back to DL4J's backward for configurations it does not handle (bias, a non-identity activation, NHWC).
 */
public class FirstConvolutionLayer extends ConvolutionLayer {
    /** For JSON deserialisation. */
    public FirstConvolutionLayer() {
    }

    public FirstConvolutionLayer(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray params, boolean initializeParams, DataType networkDataType) {
        return CustomLayers.wire(new Impl(conf, networkDataType), conf, listeners, layerIndex, params, initializeParams,
                initializer());
    }

    /** The layer implementation: DL4J's convolution with a weight-gradient-only backward pass. */
    static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        private final WeightGradient weightGradient = new WeightGradient();

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
            int kh = c.getKernelSize()[0], kw = c.getKernelSize()[1];
            INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            float[] dw = weightGradient.compute(input.castTo(dataType), epsilon, kh, kw);
            weightGrad.assign(Nd4j.createFromArray(dw).reshape('c', weightGrad.shape()));
            Gradient gradient = new DefaultGradient();
            gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
            clearNoiseWeightParams();
            // the input gradient is not needed (see the class comment): zeros of the input's shape
            INDArray inputGrad = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
            return new Pair<>(gradient, inputGrad);
        }
    }
    /**
     * dW[o, c, i, j] = Σ_n Σ_y Σ_x δ[n, o, y, x] · x[n, c, y + i − kh/2, x + j − kw/2] (zero outside the map), for a
     * stride-1 "same" convolution. The input planes are copied with a zero border and the gradient planes with
     * zero columns to the same row length, so each tap is one long dot product of a gradient plane with the
     * input plane shifted by (i, j) rows/columns (the zero columns cancel the wrap-around into the next row).
     * With one input channel this is ~19 M multiply-adds per batch of 64, instead of 64 per-sample oneDNN GEMMs of
     * shape 8x4160 . 4160x9 whose call overhead costs ~15 ms a step (DNNL_VERBOSE; docs/deep-cpu-speed.md).
     */
    static final class WeightGradient {
        private float[] raw = new float[0], padded = new float[0];

        float[] compute(INDArray x, INDArray epsilon, int kh, int kw) {
            int n = (int) x.size(0), ic = (int) x.size(1), h = (int) x.size(2), w = (int) x.size(3), oc = (int) epsilon.size(1);
            int rowLength = w + kw - 1, plane = h * w, span = h * rowLength;
            int paddedPlane = (h + kh - 1) * rowLength + kw; // + kw: the last tap's dot reads past the last row
            float[] xp = padded = pad(raw = JavaArrays.read(x, raw), n * ic, h, w, kh / 2, kw / 2, rowLength, paddedPlane, padded);
            FloatBuffer delta = JavaArrays.contiguous(epsilon).data().asNioFloat();
            float[] dw = new float[oc * ic * kh * kw];
            JavaArrays.forEach(oc * ic, (long) n * oc * plane * kh * kw, task -> {
                int o = task / ic, ci = task % ic;
                double[] sums = new double[kh * kw];
                float[] dp = new float[span]; // one gradient plane with zero columns: stays in L1/L2 for all taps
                for (int s = 0; s < n; s++) {
                    for (int y = 0; y < h; y++) delta.get(((s * oc + o) * h + y) * w, dp, y * rowLength, w);
                    int xBase = (s * ic + ci) * paddedPlane;
                    for (int t = 0; t < kh * kw; t++) sums[t] += JavaKernels.dot(dp, 0, xp, xBase + (t / kw) * rowLength + t % kw, span);
                }
                for (int t = 0; t < kh * kw; t++) dw[(o * ic + ci) * kh * kw + t] = (float) sums[t];
            });
            return dw;
        }

        /** Copies {@code planes} h x w planes into rows of {@code rowLength}, offset by (top, left), zeros elsewhere. */
        private static float[] pad(float[] in, int planes, int h, int w, int top, int left, int rowLength, int paddedPlane,
                                   float[] scratch) {
            float[] out = JavaArrays.atLeast(scratch, planes * paddedPlane);
            java.util.Arrays.fill(out, 0, planes * paddedPlane, 0f);
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(in, (p * h + y) * w, out, p * paddedPlane + (y + top) * rowLength + left, w);
                }
            }
            return out;
        }
    }
}
