package org.genrebench.model.deep.cpu;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReluActivationTest {
    @Test
    void matchesDl4jReluForwardAndBackward() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 6);
        INDArray eps = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 6);
        ActivationReLU reference = new ActivationReLU();
        ReluActivation fast = new ReluActivation();
        assertEquals(reference.getActivation(x.dup(), true), fast.getActivation(x.dup(), true));
        INDArray expected = reference.backprop(x.dup(), eps.dup()).getFirst();
        INDArray actual = fast.backprop(x.dup(), eps.dup()).getFirst();
        assertEquals(expected, actual);
        assertEquals(eps.mul(x.gt(0).castTo(DataType.FLOAT)), actual);
    }
}
