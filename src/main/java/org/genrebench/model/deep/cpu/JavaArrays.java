package org.genrebench.model.deep.cpu;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Moving float32 nd4j arrays in and out of Java arrays, and splitting work over cores, for the layers that run
 * their hot loops in plain Java ({@link JavaBatchNormHelper}, {@link ReluMaxPool}, {@link JavaConvolutionLayer}).
 * Scratch arrays are reused across steps: fresh multi-megabyte arrays each call are humongous allocations for G1
 * and cost more than the arithmetic.
 */
final class JavaArrays {
    /** Below this many values a loop runs on one thread: forking costs more than it saves. */
    static final int PARALLEL_MIN = 1 << 16;

    private JavaArrays() {
    }

    /** {@code a} itself when its buffer holds exactly its values in C order, else a C-ordered copy. */
    static INDArray contiguous(INDArray a) {
        return a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a) || a.isView() || a.offset() != 0 ? a.dup('c') : a;
    }

    /** The values of {@code a} in C order, copied into {@code scratch} when it is large enough, else a new array. */
    static float[] read(INDArray a, float[] scratch) {
        a = contiguous(a);
        int n = (int) a.length();
        float[] out = atLeast(scratch, n);
        a.data().asNioFloat().get(out, 0, n);
        return out;
    }

    /** {@code scratch} if it holds at least {@code n} values, else a new array. */
    static float[] atLeast(float[] scratch, int n) {
        return scratch != null && scratch.length >= n ? scratch : new float[n];
    }

    /** Writes the first {@code n} {@code values} into {@code target}, a fresh C-ordered array. */
    static void write(float[] values, int n, INDArray target) {
        if (target.offset() != 0 || !Shape.hasDefaultStridesForShape(target) || target.ordering() != 'c') {
            target.assign(Nd4j.createFromArray(Arrays.copyOf(values, n)).reshape(target.shape()));
        } else {
            target.data().asNioFloat().put(values, 0, n);
        }
    }

    /** Runs {@code body} for 0 until {@code count}, in parallel when the layer has at least {@link #PARALLEL_MIN} values. */
    static void forEach(int count, long values, IntConsumer body) {
        IntStream range = IntStream.range(0, count);
        (values >= PARALLEL_MIN ? range.parallel() : range).forEach(body);
    }
}
