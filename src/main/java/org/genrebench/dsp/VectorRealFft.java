package org.genrebench.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RealFft} of {@link #lanes()} independent frames at once, one frame per SIMD lane (JDK incubating Vector
 * API, double precision). Every lane performs exactly the operations of {@link RealFft} in the same order (no fused
 * multiply-adds), so each frame's result is bit-identical to the scalar transform. Needs the
 * {@code jdk.incubator.vector} module at run time: check {@link Simd#AVAILABLE} before touching this class.
 *
 * <p>Layout ("lane-interleaved"): sample {@code i} of frame {@code l} is at {@code i * lanes() + l}; likewise bin
 * {@code k} of the spectra. Not thread-safe; no allocation per call.
 */
public final class VectorRealFft {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(32 * L));

    private final int half;
    private final int[] bitrev;
    private final double[] stageRe;
    private final double[] stageIm;
    private final double[] splitRe;
    private final double[] splitIm;
    private final double[] zr;
    private final double[] zi;

    public VectorRealFft(int n) {
        RealFft.checkSize(n);
        this.half = n / 2;
        bitrev = RealFft.bitReversal(half);
        double[][] stage = RealFft.stageTwiddles(half);
        stageRe = stage[0];
        stageIm = stage[1];
        double[][] split = RealFft.splitTwiddles(n);
        splitRe = split[0];
        splitIm = split[1];
        zr = new double[half * L];
        zi = new double[half * L];
    }

    /** Frames transformed per call (SIMD lanes of a double vector: 8 with AVX-512, 4 with AVX2). */
    public static int lanes() {
        return L;
    }

    /** Forward transforms of the lane-interleaved frames {@code x[n × lanes]} into {@code re/im[(n/2+1) × lanes]}. */
    public void forward(double[] x, double[] re, double[] im) {
        for (int k = 0; k < half; k++) {
            int j = bitrev[k] * L;
            DoubleVector.fromArray(S, x, 2 * k * L).intoArray(zr, j);
            DoubleVector.fromArray(S, x, (2 * k + 1) * L).intoArray(zi, j);
        }
        butterflies();
        split(re, im);
    }

    /** The real-FFT split step from the complex result in {@code zr/zi} to the half spectra. */
    private void split(double[] re, double[] im) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector z0r = DoubleVector.fromArray(S, zr, 0), z0i = DoubleVector.fromArray(S, zi, 0);
        z0r.add(z0i).intoArray(re, 0);
        zero.intoArray(im, 0);
        z0r.sub(z0i).intoArray(re, half * L);
        zero.intoArray(im, half * L);
        for (int k = 1; k < half; k++) {
            DoubleVector ar = DoubleVector.fromArray(S, zr, k * L), ai = DoubleVector.fromArray(S, zi, k * L);
            DoubleVector br = DoubleVector.fromArray(S, zr, (half - k) * L);
            DoubleVector bi = DoubleVector.fromArray(S, zi, (half - k) * L).neg();
            DoubleVector er = ar.add(br).mul(0.5), ei = ai.add(bi).mul(0.5);
            DoubleVector dr = ar.sub(br), di = ai.sub(bi);
            DoubleVector or = di.mul(0.5), oi = dr.mul(-0.5);
            double wr = splitRe[k], wi = splitIm[k];
            er.add(or.mul(wr)).sub(oi.mul(wi)).intoArray(re, k * L);
            ei.add(oi.mul(wr)).add(or.mul(wi)).intoArray(im, k * L);
        }
    }

    /** {@code {0, stride, 2·stride, …}}, one offset per lane: the index map of {@link #forward(float[], int, int[], double[], double[], double[])} and {@link #scatter}. */
    public static int[] laneOffsets(int stride) {
        int[] map = new int[L];
        for (int l = 0; l < L; l++) map[l] = l * stride;
        return map;
    }

    /**
     * Forward transforms of the windowed frames {@code x_l[i] = window[i] · y[start + offsets[l] + i]} (every index
     * inside {@code y}), gathered straight from the signal; same result as filling the lane-interleaved frames and
     * calling {@link #forward(double[], double[], double[])}.
     */
    public void forward(float[] y, int start, int[] offsets, double[] window, double[] re, double[] im) {
        for (int k = 0; k < half; k++) {
            int j = bitrev[k] * L;
            DoubleVector ev = (DoubleVector) FloatVector.fromArray(F, y, start + 2 * k, offsets, 0).convertShape(VectorOperators.F2D, S, 0);
            DoubleVector od = (DoubleVector) FloatVector.fromArray(F, y, start + 2 * k + 1, offsets, 0).convertShape(VectorOperators.F2D, S, 0);
            ev.mul(window[2 * k]).intoArray(zr, j);
            od.mul(window[2 * k + 1]).intoArray(zi, j);
        }
        butterflies();
        split(re, im);
    }

    /**
     * Rounds rows {@code [0, rows)} of the lane-interleaved {@code lanes} to float and scatters them frame-major:
     * {@code out[base + offsets[l] + i] = (float) lanes[i · lanes() + l]}.
     */
    public static void scatter(double[] lanes, int rows, float[] out, int base, int[] offsets) {
        for (int i = 0; i < rows; i++)
            ((FloatVector) DoubleVector.fromArray(S, lanes, i * L).convertShape(VectorOperators.D2F, F, 0)).intoArray(out, base + i, offsets, 0);
    }

    /**
     * Lane-interleaved windowed frames that start one sample apart: {@code lanes[j · lanes() + l] = src[start + l + j]
     * · window[j]} for {@code j < rows} (needs {@code start + rows + lanes() - 1 <= src.length}).
     */
    public static void slidingFrames(double[] src, int start, double[] window, int rows, double[] lanes) {
        for (int j = 0; j < rows; j++) DoubleVector.fromArray(S, src, start + j).mul(window[j]).intoArray(lanes, j * L);
    }

    /** Gathers rows {@code [0, rows)} of frame-major floats into lane-interleaved doubles: the inverse of {@link #scatter}. */
    public static void gather(float[] in, int base, int[] offsets, int rows, double[] lanes) {
        for (int i = 0; i < rows; i++)
            ((DoubleVector) FloatVector.fromArray(F, in, base + i, offsets, 0).convertShape(VectorOperators.F2D, S, 0)).intoArray(lanes, i * L);
    }

    /**
     * Windowed overlap-add of lane-interleaved frames: {@code target[base + offsets[l] + i] += frame_l[i] · window[i]}
     * for {@code i < rows}; the offsets must be distinct.
     */
    public static void overlapAdd(double[] lanes, int rows, double[] window, double[] target, int base, int[] offsets) {
        for (int i = 0; i < rows; i++) {
            DoubleVector v = DoubleVector.fromArray(S, lanes, i * L).mul(window[i]);
            DoubleVector.fromArray(S, target, base + i, offsets, 0).add(v).intoArray(target, base + i, offsets, 0);
        }
    }

    /**
     * Inverse transforms of the lane-interleaved half spectra {@code re/im[(n/2+1) × lanes]} into
     * {@code x[n × lanes]}, scaled by {@code 1/n}.
     */
    public void inverse(double[] re, double[] im, double[] x) {
        DoubleVector zero = DoubleVector.zero(S);
        for (int k = 0; k < half; k++) {
            DoubleVector ar = DoubleVector.fromArray(S, re, k * L);
            DoubleVector ai = k == 0 ? zero : DoubleVector.fromArray(S, im, k * L);
            DoubleVector br = DoubleVector.fromArray(S, re, (half - k) * L);
            DoubleVector bi = k == 0 ? zero : DoubleVector.fromArray(S, im, (half - k) * L).neg();
            DoubleVector er = ar.add(br).mul(0.5), ei = ai.add(bi).mul(0.5);
            DoubleVector dr = ar.sub(br).mul(0.5), di = ai.sub(bi).mul(0.5);
            double wr = splitRe[k], wi = -splitIm[k];
            DoubleVector or = dr.mul(wr).sub(di.mul(wi)), oi = dr.mul(wi).add(di.mul(wr));
            int j = bitrev[k] * L;
            er.sub(oi).intoArray(zr, j);
            ei.add(or).neg().intoArray(zi, j);
        }
        butterflies();
        double s = 1.0 / half;
        for (int k = 0; k < half; k++) {
            DoubleVector.fromArray(S, zr, k * L).mul(s).intoArray(x, 2 * k * L);
            DoubleVector.fromArray(S, zi, k * L).neg().mul(s).intoArray(x, (2 * k + 1) * L);
        }
    }

    /** {@link RealFft}'s complex butterflies on {@code zr/zi}, one frame per lane. */
    private void butterflies() {
        double[] re = zr, im = zi;
        int m = half;
        int size;
        if (m >= 4) {
            for (int a = 0; a < m * L; a += 4 * L) {
                DoubleVector r0 = DoubleVector.fromArray(S, re, a), i0 = DoubleVector.fromArray(S, im, a);
                DoubleVector r1 = DoubleVector.fromArray(S, re, a + L), i1 = DoubleVector.fromArray(S, im, a + L);
                DoubleVector r2 = DoubleVector.fromArray(S, re, a + 2 * L), i2 = DoubleVector.fromArray(S, im, a + 2 * L);
                DoubleVector r3 = DoubleVector.fromArray(S, re, a + 3 * L), i3 = DoubleVector.fromArray(S, im, a + 3 * L);
                DoubleVector s0r = r0.add(r1), s0i = i0.add(i1), d0r = r0.sub(r1), d0i = i0.sub(i1);
                DoubleVector s1r = r2.add(r3), s1i = i2.add(i3), d1r = r2.sub(r3), d1i = i2.sub(i3);
                s0r.add(s1r).intoArray(re, a);
                s0i.add(s1i).intoArray(im, a);
                s0r.sub(s1r).intoArray(re, a + 2 * L);
                s0i.sub(s1i).intoArray(im, a + 2 * L);
                d0r.add(d1i).intoArray(re, a + L);
                d0i.sub(d1r).intoArray(im, a + L);
                d0r.sub(d1i).intoArray(re, a + 3 * L);
                d0i.add(d1r).intoArray(im, a + 3 * L);
            }
            size = 8;
        } else {
            size = 2;
        }
        for (; 2 * size <= m; size <<= 2) {
            int l = size >> 1;
            for (int start = 0; start < m; start += 4 * l) {
                for (int j = 0; j < l; j++) {
                    double w1r = stageRe[l + j], w1i = stageIm[l + j];
                    double w2r = stageRe[2 * l + j], w2i = stageIm[2 * l + j];
                    int a = (start + j) * L, b = a + l * L, c = b + l * L, d = c + l * L;
                    DoubleVector xbr = DoubleVector.fromArray(S, re, b), xbi = DoubleVector.fromArray(S, im, b);
                    DoubleVector xdr = DoubleVector.fromArray(S, re, d), xdi = DoubleVector.fromArray(S, im, d);
                    DoubleVector br = xbr.mul(w1r).sub(xbi.mul(w1i)), bi = xbr.mul(w1i).add(xbi.mul(w1r));
                    DoubleVector dr = xdr.mul(w1r).sub(xdi.mul(w1i)), di = xdr.mul(w1i).add(xdi.mul(w1r));
                    DoubleVector ar = DoubleVector.fromArray(S, re, a), ai = DoubleVector.fromArray(S, im, a);
                    DoubleVector cr = DoubleVector.fromArray(S, re, c), ci = DoubleVector.fromArray(S, im, c);
                    DoubleVector er = ar.add(br), ei = ai.add(bi), e2r = ar.sub(br), e2i = ai.sub(bi);
                    DoubleVector fr = cr.add(dr), fi = ci.add(di), f2r = cr.sub(dr), f2i = ci.sub(di);
                    DoubleVector gr = fr.mul(w2r).sub(fi.mul(w2i)), gi = fr.mul(w2i).add(fi.mul(w2r));
                    DoubleVector g2r = f2r.mul(w2r).sub(f2i.mul(w2i)), g2i = f2r.mul(w2i).add(f2i.mul(w2r));
                    er.add(gr).intoArray(re, a);
                    ei.add(gi).intoArray(im, a);
                    er.sub(gr).intoArray(re, c);
                    ei.sub(gi).intoArray(im, c);
                    e2r.add(g2i).intoArray(re, b);
                    e2i.sub(g2r).intoArray(im, b);
                    e2r.sub(g2i).intoArray(re, d);
                    e2i.add(g2r).intoArray(im, d);
                }
            }
        }
        for (; size <= m; size <<= 1) {
            int h = size >> 1;
            for (int start = 0; start < m; start += size) {
                for (int j = 0; j < h; j++) {
                    int a = (start + j) * L, b = a + h * L;
                    double wr = stageRe[h + j], wi = stageIm[h + j];
                    DoubleVector ybr = DoubleVector.fromArray(S, re, b), ybi = DoubleVector.fromArray(S, im, b);
                    DoubleVector xr = ybr.mul(wr).sub(ybi.mul(wi));
                    DoubleVector xi = ybr.mul(wi).add(ybi.mul(wr));
                    DoubleVector ar = DoubleVector.fromArray(S, re, a), ai = DoubleVector.fromArray(S, im, a);
                    ar.sub(xr).intoArray(re, b);
                    ai.sub(xi).intoArray(im, b);
                    ar.add(xr).intoArray(re, a);
                    ai.add(xi).intoArray(im, a);
                }
            }
        }
    }
}
