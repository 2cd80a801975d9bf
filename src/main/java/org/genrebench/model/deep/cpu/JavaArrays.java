package org.genrebench.model.deep.cpu;

import org.nd4j.linalg.api.ndarray.INDArray;
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
        return plainC(a) ? a : a.dup('c');
    }

    /**
     * Whether {@code a}'s buffer starts with exactly its values in C order. Strides of size-1 dimensions are ignored:
     * nd4j does not give them one canonical value (a one-channel batch {@code [n, 1, h, w]} failed
     * {@code Shape.hasDefaultStridesForShape} and took three copies a call in the stem).
     */
    static boolean plainC(INDArray a) {
        if (a.ordering() != 'c' || a.offset() != 0 || a.data().length() < a.length()) return false;
        long[] shape = a.shape(), stride = a.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
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
        if (!plainC(target)) {
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
