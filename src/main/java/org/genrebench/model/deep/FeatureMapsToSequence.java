package org.genrebench.model.deep;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Turns NCHW conv feature maps {@code [batch, channels, bands, frames]} into an NCW sequence
 * {@code [batch, channels * bands, frames]}: each remaining frame becomes one time step whose features are all
 * channels at all (pooled) bands. In C order this is a pure reshape. Bean-style so DL4J's JSON configuration
 * (and therefore model saving) round-trips it.
 */
public final class FeatureMapsToSequence implements InputPreProcessor {
    private long channels;
    private long bands;
    private long frames;

    public FeatureMapsToSequence() {
    }

    FeatureMapsToSequence(InputType convOutput) {
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) convOutput;
        this.channels = c.getChannels();
        this.bands = c.getHeight();
        this.frames = c.getWidth();
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray in = input.isView() || input.ordering() != 'c' ? input.dup('c') : input;
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', in.size(0), channels * bands, frames));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray eps = output.isView() || output.ordering() != 'c' ? output.dup('c') : output;
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD,
                eps.reshape('c', eps.size(0), channels, bands, frames));
    }

    @Override
    public InputPreProcessor clone() {
        FeatureMapsToSequence c = new FeatureMapsToSequence();
        c.channels = channels;
        c.bands = bands;
        c.frames = frames;
        return c;
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.recurrent(channels * bands, frames);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                           int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState); // windows have a fixed length: never masked
    }

    @JsonProperty("channels")
    public long getChannels() {
        return channels;
    }

    public void setChannels(long channels) {
        this.channels = channels;
    }

    @JsonProperty("bands")
    public long getBands() {
        return bands;
    }

    public void setBands(long bands) {
        this.bands = bands;
    }

    @JsonProperty("frames")
    public long getFrames() {
        return frames;
    }

    public void setFrames(long frames) {
        this.frames = frames;
    }
}
