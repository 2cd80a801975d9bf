package org.genrebench.model.deep.cpu;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The networks' stem: 2x2 average pooling of the NCHW input windows (128x130 -> 64x65), as the input preprocessor
 * of the first conv. Nothing needs the gradient with respect to the input (PyTorch skips it too), so backprop hands
 * back zeros. Why not DL4J's pooling layer: oneDNN runs a one-channel NCHW average pool with its slow reference
 * kernel ("simple_nchw", 4.4 ms per batch of 64, the largest single oneDNN call of a cnn training step); this loop
 * takes well under a millisecond. A ragged last row or column (odd size) averages the values it covers.
 */
public final class AveragePoolStem implements InputPreProcessor {
    // scratch (null after deserialisation: JavaArrays allocates) and the last input's shape; transient: not part
    // of the configuration (JSON, serialisation)
    private transient float[] in, out;
    private transient long[] inputShape;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 4) throw new IllegalArgumentException("the stem expects NCHW windows, got rank " + input.rank());
        inputShape = input.shape();
        int planes = (int) (inputShape[0] * inputShape[1]), h = (int) inputShape[2], w = (int) inputShape[3];
        int outH = (h + 1) / 2, outW = (w + 1) / 2, size = planes * outH * outW;
        float[] v = in = JavaArrays.read(input.castTo(DataType.FLOAT), in);
        float[] o = out = JavaArrays.atLeast(out, size);
        JavaArrays.forEach(planes, (long) planes * h * w, p -> {
            int cell = p * outH * outW;
            for (int y = 0; y < h; y += 2) {
                int r0 = (p * h + y) * w, r1 = r0 + w;
                boolean down = y + 1 < h; // false on a ragged last row
                for (int x = 0; x < w; x += 2, cell++) {
                    boolean right = x + 1 < w; // false on a ragged last column
                    float sum = v[r0 + x] + (right ? v[r0 + x + 1] : 0) + (down ? v[r1 + x] + (right ? v[r1 + x + 1] : 0) : 0);
                    o[cell] = sum / ((down ? 2 : 1) * (right ? 2 : 1));
                }
            }
        });
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {inputShape[0], inputShape[1], outH, outW}, 'c');
        JavaArrays.write(o, size, result);
        return result;
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.create(ArrayType.ACTIVATION_GRAD, output.dataType(), inputShape.clone(), 'c');
    }

    @Override
    public InputPreProcessor clone() {
        return new AveragePoolStem();
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getFormat() != CNN2DFormat.NCHW) {
            throw new IllegalStateException("the stem needs NCHW conv input, got " + inputType);
        }
        return InputType.convolutional((c.getHeight() + 1) / 2, (c.getWidth() + 1) / 2, c.getChannels(), CNN2DFormat.NCHW);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState); // windows have a fixed length: never masked
    }
}
