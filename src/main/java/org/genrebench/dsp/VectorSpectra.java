package org.genrebench.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise spectrogram kernels with the JDK incubating Vector API, each lane computing in double exactly what the
 * scalar loop in its caller computes (same rounding), with a scalar tail. Check {@link Simd#AVAILABLE} before
 * touching this class.
 */
public final class VectorSpectra {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(32 * D.length()));

    private VectorSpectra() {
    }

    /**
     * {@code mag[i] = (float) sqrt(re² + im²)} (in double, as numpy's float32 {@code abs} of complex64) and
     * {@code power[i] = mag[i]²} in float, for {@code i < n}; the outputs may alias the inputs.
     */
    public static void magnitudeAndPower(float[] re, float[] im, float[] mag, float[] power, int n) {
        int len = D.length(), upper = n - n % len, i = 0;
        for (; i < upper; i += len) {
            DoubleVector r = (DoubleVector) FloatVector.fromArray(F, re, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector m = (DoubleVector) FloatVector.fromArray(F, im, i).convertShape(VectorOperators.F2D, D, 0);
            // the float products are exact in double, so mul + add rounds once, as the scalar expression
            FloatVector f = (FloatVector) r.mul(r).add(m.mul(m)).sqrt().convertShape(VectorOperators.D2F, F, 0);
            f.intoArray(mag, i);
            f.mul(f).intoArray(power, i);
        }
        for (; i < n; i++) {
            float m = (float) Math.sqrt((double) re[i] * re[i] + (double) im[i] * im[i]);
            mag[i] = m;
            power[i] = m * m;
        }
    }

    /**
     * Soft (Wiener, power 2) mask applied to a complex spectrum, rounded to complex64: with
     * {@code mask = h²/(h² + p²)} (0.5 where {@code max(h, p)} is below the float32 tiny),
     * {@code h[i] = (float) (re[i]·mask)}, {@code p[i] = (float) (im[i]·mask)} for {@code i < n} (overwrites h, p).
     */
    public static void softMaskInPlace(float[] h, float[] p, float[] re, float[] im, int n) {
        int len = D.length(), upper = n - n % len, i = 0;
        DoubleVector half = DoubleVector.broadcast(D, 0.5);
        for (; i < upper; i += len) {
            DoubleVector hh = (DoubleVector) FloatVector.fromArray(F, h, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector pp = (DoubleVector) FloatVector.fromArray(F, p, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector h2 = hh.mul(hh), p2 = pp.mul(pp);
            VectorMask<Double> silent = hh.max(pp).lt(Float.MIN_NORMAL);
            DoubleVector mask = h2.div(h2.add(p2)).blend(half, silent);
            DoubleVector r = (DoubleVector) FloatVector.fromArray(F, re, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector m = (DoubleVector) FloatVector.fromArray(F, im, i).convertShape(VectorOperators.F2D, D, 0);
            ((FloatVector) r.mul(mask).convertShape(VectorOperators.D2F, F, 0)).intoArray(h, i);
            ((FloatVector) m.mul(mask).convertShape(VectorOperators.D2F, F, 0)).intoArray(p, i);
        }
        for (; i < n; i++) {
            double hh = h[i], pp = p[i];
            double h2 = hh * hh, p2 = pp * pp, sum = h2 + p2;
            double mask = Math.max(hh, pp) < Float.MIN_NORMAL ? 0.5 : h2 / sum;
            h[i] = (float) (re[i] * mask);
            p[i] = (float) (im[i] * mask);
        }
    }
}
