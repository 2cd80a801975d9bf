package org.genrebench.model.deep.cpu;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaArraysTest {
    @Test
    void aOneChannelBatchIsPlainAndUsedInPlaceWhileViewsAndTransposesAreCopied() {
        INDArray batch = Nd4j.rand(DataType.FLOAT, 4, 1, 3, 5);
        assertTrue(JavaArrays.plainC(batch));
        assertSame(batch, JavaArrays.contiguous(batch));
        INDArray rows = Nd4j.rand(DataType.FLOAT, 6, 5);
        assertFalse(JavaArrays.plainC(rows.transpose()));
        assertFalse(JavaArrays.plainC(rows.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all())), "offset view");
        assertFalse(JavaArrays.plainC(rows.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3))), "strided view");
        assertArrayEquals(rows.transpose().dup('c').data().asFloat(), JavaArrays.read(rows.transpose(), null));
    }

    @Test
    void writeFillsPlainAndNonPlainTargets() {
        float[] values = {1, 2, 3, 4, 5, 6};
        INDArray plain = Nd4j.create(DataType.FLOAT, 2, 1, 3);
        JavaArrays.write(values, 6, plain);
        assertArrayEquals(values, plain.data().asFloat());
        INDArray big = Nd4j.zeros(DataType.FLOAT, 4, 3), view = big.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
        JavaArrays.write(values, 6, view);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6}, big.data().asFloat());
    }
}
