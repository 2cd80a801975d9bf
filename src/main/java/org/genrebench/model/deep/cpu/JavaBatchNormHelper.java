package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormHelperAccess;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Batch normalisation of NCHW float activations in plain Java, plugged into DL4J's {@link BatchNormalization} layer
 * as its helper (the slot DL4J fills with oneDNN or cuDNN). Same maths and the same running-statistics bookkeeping
 * (the layer updates them from {@link #getMeanCache}/{@link #getVarCache}, as with its own helpers).
 * <p>
 * Why: in nd4j's CPU build the per-channel mean and variance are reductions over dimensions (0, 2, 3), which libnd4j
 * runs far below memory speed, and {@code batchnorm_bp} likewise; together they took about 72 ms of the CNN's 165 ms
 * training step (batch 64, two threads). Here each channel is a handful of contiguous planes, so statistics,
 * normalisation and the backward pass are two streaming passes each, channels split across cores. Inference
 * (running statistics, one fused pass) stays with oneDNN's {@code batchnorm} when the nd4j build has it: there the
 * copies in and out of Java arrays would cost more than they save.
 */
public final class JavaBatchNormHelper implements BatchNormalizationHelper {
    private final BatchNormalizationHelper inference = BaseMKLDNNHelper.mklDnnEnabled() ? new MKLDNNBatchNormHelper(DataType.FLOAT) : null;
    private INDArray meanCache, varCache;
    private float[] batchMean, batchInvStd; // of the last training forward pass, for the backward pass
    // scratch copies of activations, reused across steps (JavaArrays)
    private INDArray trainingInput; // the array xCopy holds, after a training forward pass
    private float[] xCopy = new float[0], dyCopy = new float[0], result = new float[0];

    /** When set, ReLU and max pooling applied to this helper's output in Java ({@link BatchNormReluPool}). */
    private ReluMaxPool epilogue;
    private int poolHeight, poolWidth;

    /**
     * Makes this helper finish every forward pass with {@code pool}'s ReLU and max pooling, handing over its Java
     * input and the normalisation's per-channel scale and shift, and start every backward pass from the pooled
     * output's gradient. The full-size normalised activations are then never stored, and neither they nor their
     * gradient are copied out of Java and back in between the two steps.
     */
    void fuse(ReluMaxPool pool, int poolHeight, int poolWidth) {
        this.epilogue = pool;
        this.poolHeight = poolHeight;
        this.poolWidth = poolWidth;
    }

    /** Gives every batch-norm layer of {@code net} this helper (call after {@code init()} or loading). */
    public static void install(MultiLayerNetwork net) {
        for (Layer layer : net.getLayers()) {
            if (layer instanceof BatchNormalization bn) BatchNormHelperAccess.setHelper(bn, new JavaBatchNormHelper());
        }
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta, INDArray mean,
                              INDArray var, double decay, double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!supported(x, format) || gamma == null || beta == null) return null; // DL4J's built-in path takes over
        if (!training && inference != null) {
            INDArray normalised = inference.preOutput(x, false, shape, gamma, beta, mean, var, decay, eps, format, workspaceMgr);
            return epilogue == null || normalised == null ? normalised
                    : epilogue.forward(normalised, poolHeight, poolWidth, activations(workspaceMgr));
        }
        int n = (int) x.size(0), channels = (int) x.size(1), size = (int) x.length(), plane = size / (n * channels);
        float[] in = xCopy = JavaArrays.read(x, xCopy);
        trainingInput = training ? x : null;
        float[] g = JavaArrays.read(gamma, null), b = JavaArrays.read(beta, null);
        float[] mu, invStd;
        if (training) {
            mu = new float[channels];
            float[] variance = new float[channels];
            JavaArrays.forEach(channels, size, c -> {
                // one pass: sums of (x − shift) and its square; the shift (the channel's first value) keeps the
                // variance E[d²] − E[d]² accurate even when the mean is large against the spread
                float shift = in[c * plane];
                double sum = 0, sumSq = 0;
                for (int i = 0; i < n; i++) {
                    int from = (i * channels + c) * plane;
                    double[] s2 = JavaKernels.centredSums(in, shift, in, shift, from, plane);
                    sum += s2[0];
                    sumSq += s2[1];
                }
                double count = (double) n * plane, d = sum / count;
                mu[c] = (float) (shift + d);
                variance[c] = (float) Math.max(0, sumSq / count - d * d); // biased, as DL4J and PyTorch normalise with
            });
            invStd = new float[channels];
            for (int c = 0; c < channels; c++) invStd[c] = (float) (1 / Math.sqrt(variance[c] + eps));
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                meanCache = Nd4j.createFromArray(mu);
                varCache = Nd4j.createFromArray(variance);
            }
            batchMean = mu;
            batchInvStd = invStd;
        } else {
            mu = JavaArrays.read(mean, null);
            float[] v = JavaArrays.read(var, null);
            invStd = new float[channels];
            for (int c = 0; c < channels; c++) invStd[c] = (float) (1 / Math.sqrt(v[c] + eps));
        }
        // y = x · scale + shift per channel
        float[] scale = new float[channels], shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = g[c] * invStd[c];
            shift[c] = b[c] - mu[c] * scale[c];
        }
        if (epilogue != null && x.rank() == 4) { // ReLU and pooling normalise on the fly: no full-size output
            return epilogue.forward(in, x.shape(), scale, shift, poolHeight, poolWidth, activations(workspaceMgr));
        }
        float[] out = result = JavaArrays.atLeast(result, size);
        JavaArrays.forEach(channels, size, c -> {
            for (int i = 0; i < n; i++) JavaKernels.affine(in, out, (i * channels + c) * plane, plane, scale[c], shift[c]);
        });
        INDArray resultArray = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
        JavaArrays.write(out, size, resultArray);
        return resultArray;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
                                                     INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!supported(input, format) || gamma == null || batchMean == null) return null;
        int n = (int) input.size(0), channels = (int) input.size(1), size = (int) input.length(), plane = size / (n * channels);
        long count = (long) n * plane;
        // the input of the training forward pass this backward pass belongs to is still in xCopy
        float[] x = input == trainingInput ? xCopy : (xCopy = JavaArrays.read(input, xCopy));
        float[] g = JavaArrays.read(gamma, null);
        float[] dy = epilogue != null && input.rank() == 4 ? epilogue.backwardValues(epsilon) : (dyCopy = JavaArrays.read(epsilon, dyCopy));
        float[] dx = result = JavaArrays.atLeast(result, size);
        float[] dGamma = new float[channels], dBeta = new float[channels];
        JavaArrays.forEach(channels, size, c -> {
            float m = batchMean[c], inv = batchInvStd[c];
            double sumDy = 0, sumDyCentred = 0;
            for (int i = 0; i < n; i++) {
                double[] sums = JavaKernels.centredSums(dy, 0, x, m, (i * channels + c) * plane, plane);
                sumDy += sums[0];
                sumDyCentred += sums[1];
            }
            double dg = inv * sumDyCentred; // Σ dy · x̂
            dGamma[c] = (float) dg;
            dBeta[c] = (float) sumDy;
            // dx = γ·inv·(dy − Σdy/M − x̂·Σ(dy·x̂)/M), written as a·dy + b·x + k
            double a = g[c] * inv, bx = -a * inv * dg / count, k = -a * sumDy / count - bx * m;
            for (int i = 0; i < n; i++) {
                int from = (i * channels + c) * plane;
                JavaKernels.affine2(dy, x, dx, from, plane, (float) a, (float) bx, (float) k);
            }
        });
        dGammaView.assign(Nd4j.createFromArray(dGamma).reshape(dGammaView.shape()));
        dBetaView.assign(Nd4j.createFromArray(dBeta).reshape(dBetaView.shape()));
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        JavaArrays.write(dx, size, epsOut);
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, epsOut);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }

    private static java.util.function.Function<long[], INDArray> activations(LayerWorkspaceMgr workspaceMgr) {
        return shape -> workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, shape, 'c');
    }

    private static boolean supported(INDArray x, CNN2DFormat format) {
        return x.dataType() == DataType.FLOAT && (x.rank() == 2 || (x.rank() == 4 && format == CNN2DFormat.NCHW));
    }
}
