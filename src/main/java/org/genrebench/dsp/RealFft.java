package org.genrebench.dsp;

/**
 * Real-input FFT of a power-of-two size {@code n} in double precision, computed as a complex radix-2 FFT of size
 * {@code n/2} on the even/odd-interleaved input plus a split step. All twiddles and the bit-reversal table are
 * precomputed; {@link #forward} and {@link #inverse} allocate nothing.
 *
 * <p>Conventions match {@code numpy.fft.rfft}/{@code irfft}: forward is unscaled with {@code exp(-2πi k m / n)},
 * inverse is scaled by {@code 1/n} and ignores the imaginary parts of the DC and Nyquist bins.
 *
 * <p>An instance keeps scratch buffers, so it is <b>not thread-safe</b>: use one per thread.
 */
public final class RealFft {
    private final int n;
    private final int half;
    private final int[] bitrev;
    private final double[] stageRe; // for the stage of butterfly size 2h: exp(-2πi j / 2h) at index h + j, j < h
    private final double[] stageIm;
    private final double[] splitRe; // exp(-2πi k / n), k <= half
    private final double[] splitIm;
    private final double[] zr;
    private final double[] zi;

    public RealFft(int n) {
        checkSize(n);
        this.n = n;
        this.half = n / 2;
        bitrev = bitReversal(half);
        double[][] stage = stageTwiddles(half);
        stageRe = stage[0];
        stageIm = stage[1];
        double[][] split = splitTwiddles(n);
        splitRe = split[0];
        splitIm = split[1];
        zr = new double[half];
        zi = new double[half];
    }

    static void checkSize(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT size must be a power of two >= 4: " + n);
    }

    /** Bit-reversal permutation of {@code 0..m)}, {@code m} a power of two. */
    static int[] bitReversal(int m) {
        int bits = Integer.numberOfTrailingZeros(m);
        int[] r = new int[m];
        for (int i = 0; i < m; i++) r[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        return r;
    }

    /** {re, im} of the butterfly twiddles of a complex FFT of size {@code m}: exp(-2πi j / 2h) at index h + j, j < h. */
    static double[][] stageTwiddles(int m) {
        double[] re = new double[Math.max(2, m)], im = new double[re.length];
        for (int h = 1; h < m; h <<= 1) {
            for (int j = 0; j < h; j++) {
                // same angles as a table of size m indexed by j * (m / 2h), so results do not depend on the stage
                double a = -2 * Math.PI * (j * (m / (2 * h))) / m;
                re[h + j] = Math.cos(a);
                im[h + j] = Math.sin(a);
            }
        }
        return new double[][] {re, im};
    }

    /** {re, im} of exp(-2πi k / n), k <= n/2, for the real-FFT split step. */
    static double[][] splitTwiddles(int n) {
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double a = -2 * Math.PI * k / n;
            re[k] = Math.cos(a);
            im[k] = Math.sin(a);
        }
        return new double[][] {re, im};
    }

    public int size() {
        return n;
    }

    /** Number of non-redundant output bins, {@code n/2 + 1}. */
    public int bins() {
        return half + 1;
    }

    /** Forward transform of {@code x[0..n)} into {@code re/im[0..n/2]}. */
    public void forward(double[] x, double[] re, double[] im) {
        for (int k = 0; k < half; k++) {
            int j = bitrev[k];
            zr[j] = x[2 * k];
            zi[j] = x[2 * k + 1];
        }
        butterflies(zr, zi);
        re[0] = zr[0] + zi[0];
        im[0] = 0;
        re[half] = zr[0] - zi[0];
        im[half] = 0;
        for (int k = 1; k < half; k++) {
            double ar = zr[k], ai = zi[k];
            double br = zr[half - k], bi = -zi[half - k];
            double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
            double dr = ar - br, di = ai - bi;
            double or = 0.5 * di, oi = -0.5 * dr;
            double wr = splitRe[k], wi = splitIm[k];
            re[k] = er + wr * or - wi * oi;
            im[k] = ei + wr * oi + wi * or;
        }
    }

    /** Inverse transform of the half spectrum {@code re/im[0..n/2]} into {@code x[0..n)}, scaled by {@code 1/n}. */
    public void inverse(double[] re, double[] im, double[] x) {
        for (int k = 0; k < half; k++) {
            double ar = re[k], ai = k == 0 ? 0 : im[k];
            double br = re[half - k], bi = (k == 0) ? 0 : -im[half - k];
            double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
            double dr = 0.5 * (ar - br), di = 0.5 * (ai - bi);
            // O = D * conj(W^k)
            double wr = splitRe[k], wi = -splitIm[k];
            double or = dr * wr - di * wi, oi = dr * wi + di * wr;
            // Z = E + i O, conjugated for the inverse-by-forward trick
            int j = bitrev[k];
            zr[j] = er - oi;
            zi[j] = -(ei + or);
        }
        butterflies(zr, zi);
        double s = 1.0 / half;
        for (int k = 0; k < half; k++) {
            x[2 * k] = zr[k] * s;
            x[2 * k + 1] = -zi[k] * s;
        }
    }

    private void butterflies(double[] re, double[] im) {
        int m = half;
        int size;
        if (m >= 4) {
            // first two radix-2 stages fused into one radix-4 pass (twiddles 1 and -i only)
            for (int a = 0; a < m; a += 4) {
                double r0 = re[a], i0 = im[a], r1 = re[a + 1], i1 = im[a + 1];
                double r2 = re[a + 2], i2 = im[a + 2], r3 = re[a + 3], i3 = im[a + 3];
                double s0r = r0 + r1, s0i = i0 + i1, d0r = r0 - r1, d0i = i0 - i1;
                double s1r = r2 + r3, s1i = i2 + i3, d1r = r2 - r3, d1i = i2 - i3;
                re[a] = s0r + s1r;
                im[a] = s0i + s1i;
                re[a + 2] = s0r - s1r;
                im[a + 2] = s0i - s1i;
                // (d1r + i d1i) * (-i) = d1i - i d1r
                re[a + 1] = d0r + d1i;
                im[a + 1] = d0i - d1r;
                re[a + 3] = d0r - d1i;
                im[a + 3] = d0i + d1r;
            }
            size = 8;
        } else {
            size = 2;
        }
        // remaining stages two at a time as radix-4 butterflies (half the passes over memory), then a last radix-2
        for (; 2 * size <= m; size <<= 2) {
            int l = size >> 1;           // length of the sub-transforms being combined, four at a time
            for (int start = 0; start < m; start += 4 * l) {
                for (int j = 0; j < l; j++) {
                    double w1r = stageRe[l + j], w1i = stageIm[l + j];           // W_{2l}^j
                    double w2r = stageRe[2 * l + j], w2i = stageIm[2 * l + j];   // W_{4l}^j
                    int a = start + j, b = a + l, c = b + l, d = c + l;
                    double br = re[b] * w1r - im[b] * w1i, bi = re[b] * w1i + im[b] * w1r;
                    double dr = re[d] * w1r - im[d] * w1i, di = re[d] * w1i + im[d] * w1r;
                    double ar = re[a], ai = im[a], cr = re[c], ci = im[c];
                    double er = ar + br, ei = ai + bi, e2r = ar - br, e2i = ai - bi;
                    double fr = cr + dr, fi = ci + di, f2r = cr - dr, f2i = ci - di;
                    double gr = fr * w2r - fi * w2i, gi = fr * w2i + fi * w2r;
                    double g2r = f2r * w2r - f2i * w2i, g2i = f2r * w2i + f2i * w2r;
                    re[a] = er + gr;
                    im[a] = ei + gi;
                    re[c] = er - gr;
                    im[c] = ei - gi;
                    // E' - i G' and E' + i G'
                    re[b] = e2r + g2i;
                    im[b] = e2i - g2r;
                    re[d] = e2r - g2i;
                    im[d] = e2i + g2r;
                }
            }
        }
        for (; size <= m; size <<= 1) {
            int h = size >> 1;
            for (int start = 0; start < m; start += size) {
                for (int j = 0; j < h; j++) {
                    int a = start + j, b = a + h;
                    double wr = stageRe[h + j], wi = stageIm[h + j];
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    double ar = re[a], ai = im[a];
                    re[b] = ar - xr;
                    im[b] = ai - xi;
                    re[a] = ar + xr;
                    im[a] = ai + xi;
                }
            }
        }
    }
}
