package org.genrebench.dsp;

/**
 * {@code librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80)}: {@code 10 log10(max(amin, S))}, then clipped
 * from below at {@code max - top_db}, where the maximum is taken over the whole array passed in.
 */
public final class Decibels {
    public static final double AMIN = 1e-10;
    public static final double TOP_DB = 80.0;

    private Decibels() {
    }

    /** In place over {@code x[offset, offset+length)}; {@code topDb <= 0} disables the clipping. */
    public static void powerToDb(double[] x, int offset, int length, double topDb) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            double v = 10 * Math.log10(Math.max(AMIN, x[i]));
            x[i] = v;
            if (v > max) max = v;
        }
        if (topDb > 0) {
            double floor = max - topDb;
            for (int i = offset; i < offset + length; i++) if (x[i] < floor) x[i] = floor;
        }
    }

    /** Float variant of {@link #powerToDb(double[], int, int, double)}. */
    public static void powerToDb(float[] x, int offset, int length, double topDb) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            float v = (float) (10 * Math.log10(Math.max(AMIN, x[i])));
            x[i] = v;
            if (v > max) max = v;
        }
        if (topDb > 0) {
            float floor = (float) (max - topDb);
            for (int i = offset; i < offset + length; i++) if (x[i] < floor) x[i] = floor;
        }
    }
}
