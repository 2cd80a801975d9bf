package org.genrebench.eval;

import org.genrebench.dataset.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small separable Gaussian blobs: {@code songs} songs per class, {@code chunks} rows per song. */
public final class TestData {
    private TestData() {
    }

    public static List<Sample<double[]>> blobs(int classes, int songs, int chunks, int dims, long seed) {
        Random rng = new Random(seed);
        List<Sample<double[]>> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int s = 0; s < songs; s++) {
                String song = "c" + c + ".s" + s;
                for (int k = 0; k < chunks; k++) {
                    double[] x = new double[dims];
                    for (int j = 0; j < dims; j++) x[j] = rng.nextGaussian() + (j % classes == c ? 3 : 0) + 10 * j;
                    out.add(new Sample<>(x, song, c));
                }
            }
        }
        return out;
    }
}
