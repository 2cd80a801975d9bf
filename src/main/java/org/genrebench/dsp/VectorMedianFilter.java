package org.genrebench.dsp;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * SIMD sliding median of odd width over many independent series at once, for <b>non-negative</b> finite data such as
 * spectrogram magnitudes; the same result as {@link MedianFilter} ({@code scipy.ndimage.median_filter},
 * {@code mode='reflect'}) on each series. Needs the incubating {@code jdk.incubator.vector} module at run time: use
 * {@link #available()} (and fall back to {@link MedianFilter}) before touching this class.
 *
 * <p>Layout: sample {@code i} of series {@code l} is at {@code i * lanes + l}. Each lane keeps its window sorted; a
 * step replaces the outgoing sample by the incoming one with a branch-free rule for every rank {@code j}:
 * {@code d[j] = s[j] < old ? s[j] : s[j+1]} (delete), {@code s'[j] = min(d[j], max(new, d[j-1]))} (insert). The IEEE
 * bits of non-negative floats order like their values, so the rule runs on int vectors, one lane per series.
 * Not thread-safe; buffers are reused.
 */
public final class VectorMedianFilter {
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int BLOCK = Math.max(64, SPECIES.length() * 4);

    private final int width;
    private final int radius;
    private final MedianFilter scalar;
    private int[] cur;
    private int[] next;
    private final int[] old = new int[BLOCK];
    private final int[] nw = new int[BLOCK];
    private final float[] sortBuf;
    private float[] stageIn = new float[0];
    private float[] stageOut = new float[0];

    /** Whether the Vector API module is present in this JVM (run with {@code --add-modules jdk.incubator.vector}). */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    public VectorMedianFilter(int width) {
        if (width < 1 || width % 2 == 0) throw new IllegalArgumentException("median width must be odd: " + width);
        this.width = width;
        this.radius = width / 2;
        this.scalar = new MedianFilter(width);
        this.cur = new int[(width + 2) * BLOCK];
        this.next = new int[(width + 2) * BLOCK];
        this.sortBuf = new float[width];
    }

    /** Filters {@code n} steps of {@code lanes} series of {@code in} into {@code out} (same layout). */
    public void filter(float[] in, int n, int lanes, float[] out) {
        filter(in, n, lanes, lanes, 1, out);
    }

    /**
     * Filters {@code lanes} series of {@code n} samples, sample {@code i} of series {@code l} at
     * {@code i * sampleStride + l * seriesStride} of {@code in}, into the same positions of {@code out}; e.g. the
     * rows of a row-major matrix with {@code sampleStride = 1}, {@code seriesStride = columns} (no transposition).
     */
    public void filter(float[] in, int n, int lanes, int sampleStride, int seriesStride, float[] out) {
        int full = n > radius ? lanes - lanes % BLOCK : 0;
        if (seriesStride == 1) {
            for (int l0 = 0; l0 < full; l0 += BLOCK) filterBlock(in, n, sampleStride, 1, l0, out);
        } else {
            // Series far apart in memory (e.g. the rows of a matrix): the block's lanes would sit a row apart, and
            // with rows of ~4 KB most of them share a few L1 sets and evict each other at every step. Staging the
            // block lane-contiguous costs two passes over it and keeps the step's loads and stores in L1.
            if (stageIn.length < n * BLOCK) {
                stageIn = new float[n * BLOCK];
                stageOut = new float[n * BLOCK];
            }
            for (int l0 = 0; l0 < full; l0 += BLOCK) {
                for (int l = 0; l < BLOCK; l++) {
                    int base = (l0 + l) * seriesStride;
                    for (int i = 0; i < n; i++) stageIn[i * BLOCK + l] = in[base + i * sampleStride];
                }
                filterBlock(stageIn, n, BLOCK, 1, 0, stageOut);
                for (int l = 0; l < BLOCK; l++) {
                    int base = (l0 + l) * seriesStride;
                    for (int i = 0; i < n; i++) out[base + i * sampleStride] = stageOut[i * BLOCK + l];
                }
            }
        }
        for (int l = full; l < lanes; l++) scalar.filter(in, l * seriesStride, sampleStride, n, out, l * seriesStride, sampleStride);
    }

    private void filterBlock(float[] in, int n, int ss, int ls, int l0, float[] out) {
        int w = width, r = radius, top = (w + 1) * BLOCK;
        int[] s = cur, t = next;
        int lane0 = l0 * ls;
        for (int l = 0; l < BLOCK; l++) {
            for (int j = 0; j < w; j++) sortBuf[j] = in[MedianFilter.reflect(j - r, n) * ss + lane0 + l * ls];
            Arrays.sort(sortBuf);
            for (int j = 0; j < w; j++) s[(j + 1) * BLOCK + l] = Float.floatToRawIntBits(sortBuf[j] + 0.0f);
            s[l] = t[l] = -1;
            s[top + l] = t[top + l] = Integer.MAX_VALUE;
        }
        int median = (r + 1) * BLOCK;
        for (int i = 0; ; i++) {
            int ob = i * ss + lane0;
            for (int l = 0; l < BLOCK; l++) out[ob + l * ls] = Float.intBitsToFloat(s[median + l]);
            if (i == n - 1) break;
            int io = MedianFilter.reflect(i - r, n) * ss + lane0, ii = MedianFilter.reflect(i + w - r, n) * ss + lane0;
            for (int l = 0; l < BLOCK; l++) {
                old[l] = Float.floatToRawIntBits(in[io + l * ls] + 0.0f);
                nw[l] = Float.floatToRawIntBits(in[ii + l * ls] + 0.0f);
            }
            step(s, t);
            int[] x = s;
            s = t;
            t = x;
        }
        cur = s;
        next = t;
    }

    private void step(int[] s, int[] t) {
        int len = SPECIES.length();
        for (int l = 0; l < BLOCK; l += len) {
            IntVector ol = IntVector.fromArray(SPECIES, old, l);
            IntVector nv = IntVector.fromArray(SPECIES, nw, l);
            IntVector p = IntVector.fromArray(SPECIES, s, l);          // row 0: sentinel
            IntVector c = IntVector.fromArray(SPECIES, s, BLOCK + l);
            VectorMask<Integer> pLess = p.lt(ol);
            for (int j = 1; j <= width; j++) {
                IntVector x = IntVector.fromArray(SPECIES, s, (j + 1) * BLOCK + l);
                VectorMask<Integer> cLess = c.lt(ol);
                IntVector dj = x.blend(c, cLess);                    // delete: d[j]
                IntVector dp = c.blend(p, pLess);                    // d[j-1]
                dj.min(nv.max(dp)).intoArray(t, j * BLOCK + l);      // insert
                p = c;
                c = x;
                pLess = cLess;
            }
        }
    }
}
