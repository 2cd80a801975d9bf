package org.genrebench.model.deep.cpu;

import org.genrebench.model.deep.MelCnn;
import org.genrebench.model.deep.MelWindowShape;

import org.genrebench.model.deep.DeepConfig;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AveragePoolStemTest {
    @Test
    void averagesTwoByTwoWindowsAndTheRaggedEdgeOverWhatItCovers() {
        AveragePoolStem stem = new AveragePoolStem();
        INDArray x = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}).reshape(1, 1, 3, 3);
        INDArray y = stem.preProcess(x, 1, LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(new long[] {1, 1, 2, 2}, y.shape());
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, y.data().asFloat(), 1e-6f);
        INDArray back = stem.backprop(Nd4j.ones(1, 1, 2, 2), 1, LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(x.shape(), back.shape(), "no gradient flows to the input, but it has the input's shape");
    }

    @Test
    void isPartOfTheSavedConfigurationWithoutItsScratchArrays() {
        MultiLayerConfiguration conf = new MelCnn(4, true).configure(new MelWindowShape(16, 20), 3, DeepConfig.DEFAULT);
        conf.getInputPreProcess(0).preProcess(Nd4j.rand(2, 1, 16, 20), 2, LayerWorkspaceMgr.noWorkspaces());
        String json = conf.toJson();
        assertFalse(json.contains("inputShape"), json);
        assertInstanceOf(AveragePoolStem.class, MultiLayerConfiguration.fromJson(json).getInputPreProcess(0));
    }
}
